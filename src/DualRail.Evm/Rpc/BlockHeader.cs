using System.Numerics;

namespace DualRail.Evm.Rpc;

/// <summary>The parts of eth_getBlockByNumber a payment server uses.</summary>
public sealed record BlockHeader
{
    /// <summary>The block number.</summary>
    public required long Number { get; init; }

    /// <summary>The block hash (0x-hex).</summary>
    public required string Hash { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long Timestamp { get; init; }

    /// <summary>EIP-1559 base fee per gas; null on chains without it.</summary>
    public BigInteger? BaseFeePerGas { get; init; }

    /// <summary>The block gas limit.</summary>
    public BigInteger GasLimit { get; init; }
}
