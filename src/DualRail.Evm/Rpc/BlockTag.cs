namespace DualRail.Evm.Rpc;

/// <summary>The block parameter of state queries: "latest", "pending", "safe", "finalized", "earliest" or a number.</summary>
public readonly record struct BlockTag
{
    private BlockTag(string value) => Value = value;

    /// <summary>The JSON-RPC form.</summary>
    public string Value { get; }

    /// <summary>The latest mined block.</summary>
    public static BlockTag Latest { get; } = new("latest");

    /// <summary>The pending state (includes the sender's queued transactions: use it for nonces).</summary>
    public static BlockTag Pending { get; } = new("pending");

    /// <summary>The latest safe block.</summary>
    public static BlockTag Safe { get; } = new("safe");

    /// <summary>The latest finalized block.</summary>
    public static BlockTag Finalized { get; } = new("finalized");

    /// <summary>The genesis block.</summary>
    public static BlockTag Earliest { get; } = new("earliest");

    /// <summary>A specific block number.</summary>
    public static BlockTag Number(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        return new BlockTag(HexQuantity.Format(number));
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "latest";
}
