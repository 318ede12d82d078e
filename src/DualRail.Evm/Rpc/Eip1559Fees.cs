using System.Numerics;

namespace DualRail.Evm.Rpc;

/// <summary>Fee caps for an EIP-1559 transaction.</summary>
/// <param name="MaxFeePerGas">Cap on base fee + tip, in wei.</param>
/// <param name="MaxPriorityFeePerGas">Tip, in wei.</param>
public sealed record Eip1559Fees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);
