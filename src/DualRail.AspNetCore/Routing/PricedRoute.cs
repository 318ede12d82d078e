using DualRail.AspNetCore.Metadata;
using DualRail.Money;
using DualRail.Rails;

namespace DualRail.AspNetCore.Routing;

/// <summary>A configured route with its parsed price.</summary>
internal sealed record PricedRoute(PricedRoutePattern Pattern, Price Price, string? Description, string? MimeType, SettlementMode Settlement, int MaxTimeoutSeconds)
    : IPaymentMetadata;
