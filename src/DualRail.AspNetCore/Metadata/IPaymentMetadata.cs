using DualRail.Money;
using DualRail.Rails;

namespace DualRail.AspNetCore.Metadata;

/// <summary>Endpoint metadata that puts a price on an endpoint (see <see cref="RequirePaymentAttribute"/>).</summary>
public interface IPaymentMetadata
{
    Price Price { get; }

    string? Description { get; }

    string? MimeType { get; }

    SettlementMode Settlement { get; }

    /// <summary>Seconds a client has to pay; 0 means the configured default.</summary>
    int MaxTimeoutSeconds { get; }
}
