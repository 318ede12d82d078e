using System.ComponentModel;
using DualRail.Rails;

namespace DualRail.AspNetCore.Configuration;

/// <summary>The price and terms of a configured route; a plain string in configuration is the price.</summary>
[TypeConverter(typeof(RoutePricingTypeConverter))]
public sealed class RoutePricing
{
    /// <summary>"$0.01", "0.01 USDC", "1500 sat", ...</summary>
    public string? Price { get; set; }

    public string? Description { get; set; }

    public string? MimeType { get; set; }

    public SettlementMode Settlement { get; set; } = SettlementMode.Async;

    /// <summary>Overrides <see cref="DualRailOptions.MaxTimeoutSeconds"/> for this route.</summary>
    public int? MaxTimeoutSeconds { get; set; }
}
