using System.Numerics;

namespace DualRail.Evm.Rpc;

/// <summary>eth_feeHistory: base fees of the blocks asked for plus the next one, and the tip percentiles.</summary>
public sealed record FeeHistory
{
    /// <summary>The first block in the range.</summary>
    public required long OldestBlock { get; init; }

    /// <summary>One per block, plus the next block's (the last entry).</summary>
    public required IReadOnlyList<BigInteger> BaseFeePerGas { get; init; }

    /// <summary>Gas used ÷ gas limit per block.</summary>
    public required IReadOnlyList<double> GasUsedRatio { get; init; }

    /// <summary>Per block, the priority fee at each requested percentile (empty when none were asked).</summary>
    public IReadOnlyList<IReadOnlyList<BigInteger>> Reward { get; init; } = [];
}
