using System.Numerics;

namespace DualRail.Facilitator.Chains;

/// <summary>EIP-1559 fees for the next transaction, in wei.</summary>
internal readonly record struct FeeQuote(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);
