using DualRail.AspNetCore.Metadata;
using DualRail.Rails;
using Microsoft.AspNetCore.Builder;

namespace DualRail.AspNetCore;

public static class PaymentEndpointConventionBuilderExtensions
{
    /// <summary>Puts a price on the endpoint(s). The price is parsed now: a bad one stops start-up.</summary>
    public static TBuilder RequirePayment<TBuilder>(
        this TBuilder builder,
        string price,
        string? description = null,
        string? mimeType = null,
        SettlementMode settlement = SettlementMode.Async,
        int maxTimeoutSeconds = 0) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var metadata = new RequirePaymentAttribute(price)
        {
            Description = description,
            MimeType = mimeType,
            Settlement = settlement,
            MaxTimeoutSeconds = maxTimeoutSeconds,
        };
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }

    /// <summary>Keeps the endpoint(s) free even when a configured route pattern would price them.</summary>
    public static TBuilder DisablePayment<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(DisablePaymentAttribute.Instance));
        return builder;
    }
}
