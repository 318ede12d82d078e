using System.Numerics;

namespace DualRail.Facilitator.Chains;

/// <summary>The part of a receipt the facilitator reads.</summary>
internal sealed record TransactionOutcome(string TransactionHash, bool Succeeded, BigInteger BlockNumber);
