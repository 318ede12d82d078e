namespace DualRail.Facilitator.Options;

/// <summary>
/// Configuration of the facilitator, bound from <c>DualRail:Facilitator</c>. The relayer's private key
/// is read from <see cref="RelayerKeyFile"/> or from the environment variable named by
/// <see cref="RelayerKeyEnvironmentVariable"/>; it never appears in configuration files or logs.
/// </summary>
public sealed class FacilitatorOptions
{
    public const string SectionName = "DualRail:Facilitator";

    public const string DefaultRelayerKeyEnvironmentVariable = "DUALRAIL_FACILITATOR_RELAYER_KEY";

    /// <summary>The EVM chains this facilitator verifies and settles on.</summary>
    public List<FacilitatorChainOptions> Chains { get; set; } = [];

    /// <summary>A file holding the relayer's private key as 64 hex digits (0x optional, whitespace ignored).</summary>
    public string? RelayerKeyFile { get; set; }

    /// <summary>The environment variable holding the relayer's key when no <see cref="RelayerKeyFile"/> is set.</summary>
    public string RelayerKeyEnvironmentVariable { get; set; } = DefaultRelayerKeyEnvironmentVariable;

    /// <summary>
    /// SQLite file recording settled authorizations (idempotent settlement across restarts).
    /// ":memory:" keeps them for the process lifetime only.
    /// </summary>
    public string StorePath { get; set; } = "dualrail-facilitator.db";

    /// <summary>An authorization must stay valid at least this long after verification (x402: 6 s).</summary>
    public TimeSpan ValidBeforeMargin { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How long /settle waits for the receipt before answering <c>settlement_pending</c>.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan ReceiptPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Largest request body accepted by /verify and /settle.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
