namespace DualRail.Lightning.Lnd;

/// <summary>
/// How to reach one LND node over gRPC. Bound from configuration (for example the section
/// <c>DualRail:Lightning:Lnd</c>) and validated on start by <see cref="LndClientOptionsValidator"/>.
/// </summary>
public sealed class LndClientOptions
{
    /// <summary>The gRPC endpoint, always TLS: for example <c>https://127.0.0.1:10009</c>.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>
    /// Path of LND's <c>tls.cert</c>. When set (or <see cref="TlsCertBase64"/>), exactly that certificate
    /// is trusted (pinned) and nothing else. When neither is set, the system trust store decides.
    /// </summary>
    public string? TlsCertPath { get; set; }

    /// <summary>The pinned certificate inline: base64 of the PEM file or of the DER bytes.</summary>
    public string? TlsCertBase64 { get; set; }

    /// <summary>Path of the macaroon file (admin.macaroon, invoice.macaroon or a baked one).</summary>
    public string? MacaroonPath { get; set; }

    /// <summary>The macaroon inline, hex-encoded. Prefer <see cref="MacaroonPath"/> or an environment variable.</summary>
    public string? MacaroonHex { get; set; }

    /// <summary>Deadline of every unary call that does not carry its own. Streams have none.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long opening a TCP connection may take before the call fails.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait before a dropped stream is reopened; doubles per failed attempt.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between two reconnection attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(15);
}
