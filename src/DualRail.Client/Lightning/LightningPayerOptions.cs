namespace DualRail.Client.Lightning;

/// <summary>The caller's own LND node (it needs a macaroon with offchain:write, e.g. admin.macaroon).</summary>
public sealed class LightningPayerOptions
{
    /// <summary>gRPC endpoint, e.g. <c>https://127.0.0.1:10009</c>. Set it to enable the Lightning payer.</summary>
    public string? Endpoint { get; set; }

    /// <summary>LND's tls.cert, pinned.</summary>
    public string? TlsCertPath { get; set; }

    public string? MacaroonPath { get; set; }

    /// <summary>Most routing fee paid on top of the invoice, in satoshis.</summary>
    public long FeeLimitSat { get; set; } = 100;

    /// <summary>How long LND may try to route the payment.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
