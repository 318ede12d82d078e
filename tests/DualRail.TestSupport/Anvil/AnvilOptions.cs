namespace DualRail.TestSupport;

/// <summary>How to start a test Anvil.</summary>
public sealed record AnvilOptions
{
    /// <summary>Base Sepolia's chain id, so the token placed at its USDC address has the real domain.</summary>
    public const long BaseSepoliaChainId = 84532;

    public long ChainId { get; init; } = BaseSepoliaChainId;

    /// <summary>Seconds between blocks; null keeps automine (one block per transaction).</summary>
    public int? BlockTimeSeconds { get; init; }

    /// <summary>Genesis timestamp (unix seconds); null lets Anvil use the wall clock.</summary>
    public long? GenesisTimestamp { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
