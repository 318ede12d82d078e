using DualRail.Money;

namespace DualRail.Rails;

/// <summary>The paid resource a rail quotes, matches and verifies against.</summary>
public sealed record PaymentContext
{
    /// <summary>Method and path pattern, e.g. "GET /api/demo": what invoices and reservations are bound to.</summary>
    public required string ResourceKey { get; init; }

    /// <summary>The absolute URL of the requested resource.</summary>
    public required string ResourceUrl { get; init; }

    public string? Description { get; init; }

    public string? MimeType { get; init; }

    public required Price Price { get; init; }

    public SettlementMode SettlementMode { get; init; } = SettlementMode.Async;

    /// <summary>Seconds a client has to complete the payment (EVM validBefore window, invoice expiry).</summary>
    public int MaxTimeoutSeconds { get; init; } = 300;
}
