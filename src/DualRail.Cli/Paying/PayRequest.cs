namespace DualRail.Cli.Paying;

/// <summary>What <c>dualrail pay</c> was asked to do.</summary>
internal sealed record PayRequest
{
    public required Uri Url { get; init; }

    public string Method { get; init; } = "GET";

    public string? Body { get; init; }

    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>evm or lightning; null lets the server's order decide among the configured payers.</summary>
    public string? Rail { get; init; }

    public IReadOnlyList<string> MaxPerRequest { get; init; } = [];

    public string? EvmPrivateKey { get; init; }

    public string? EvmPrivateKeyPath { get; init; }

    public string? LndEndpoint { get; init; }

    public string? LndTlsCertPath { get; init; }

    public string? LndMacaroonPath { get; init; }

    public long FeeLimitSat { get; init; } = 100;
}
