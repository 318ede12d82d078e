namespace DualRail.AspNetCore.Configuration;

/// <summary>Options bound from the <c>DualRail</c> configuration section and validated on start.</summary>
public sealed class DualRailOptions
{
    public const string SectionName = "DualRail";

    /// <summary>
    /// Priced routes by pattern: <c>"GET /api/premium/*": "$0.01"</c>, or an object with price,
    /// description, mimeType, settlement (Async, Sync, SettleFirst) and maxTimeoutSeconds. A pattern is
    /// an optional method and a path whose segments are literals, <c>{name}</c> (one segment) or a final
    /// <c>*</c> (one or more segments). Endpoint metadata (<c>RequirePayment</c>) wins over these.
    /// </summary>
    public Dictionary<string, RoutePricing> Routes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The public origin (<c>https://api.example.com</c>) used for resource URLs behind a proxy; default: the request's.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Seconds a client has to pay after a 402 (EVM validBefore window, invoice expiry). Default 300.</summary>
    public int MaxTimeoutSeconds { get; set; } = 300;

    /// <summary>Where receipts are read: <c>GET {ReceiptsPath}/{id}</c>. Default <c>/x402/receipts</c>.</summary>
    public string ReceiptsPath { get; set; } = "/x402/receipts";

    /// <summary>The rails' availability: <c>GET {HealthPath}</c>. Default <c>/x402/health</c>.</summary>
    public string HealthPath { get; set; } = "/x402/health";

    /// <summary>Browsers (Accept text/html, User-Agent Mozilla) get an HTML paywall instead of JSON. Default true.</summary>
    public bool Paywall { get; set; } = true;

    /// <summary>The name shown on the paywall page.</summary>
    public string AppName { get; set; } = "DualRail";

    /// <summary>A paid handler's response is buffered until it is settled; larger responses fail (nothing is charged). Default 32 MiB.</summary>
    public long MaxBufferedResponseBytes { get; set; } = 32L * 1024 * 1024;
}
