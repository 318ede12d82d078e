using System.Numerics;

namespace DualRail.Evm.Rpc;

/// <summary>The parts of eth_getTransactionReceipt a payment server uses.</summary>
public sealed record TransactionReceipt
{
    /// <summary>The transaction hash (0x-hex).</summary>
    public required string TransactionHash { get; init; }

    /// <summary>True for status 0x1; false when the transaction reverted (status 0x0).</summary>
    public required bool Succeeded { get; init; }

    /// <summary>The block that contains it.</summary>
    public required long BlockNumber { get; init; }

    /// <summary>The sender.</summary>
    public EvmAddress From { get; init; }

    /// <summary>The recipient; null for a contract creation.</summary>
    public EvmAddress? To { get; init; }

    /// <summary>The created contract, if any.</summary>
    public EvmAddress? ContractAddress { get; init; }

    /// <summary>Gas used by this transaction.</summary>
    public BigInteger GasUsed { get; init; }

    /// <summary>The price actually paid per gas (base fee + tip).</summary>
    public BigInteger EffectiveGasPrice { get; init; }

    /// <summary>Event logs, in order.</summary>
    public IReadOnlyList<LogEntry> Logs { get; init; } = [];
}
