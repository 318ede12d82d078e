using DualRail.AspNetCore.Metadata;

namespace DualRail.AspNetCore.Middleware;

/// <summary>The price of the requested endpoint and the key its payments are bound to ("GET /api/demo").</summary>
internal sealed record PaidResource(IPaymentMetadata Metadata, string ResourceKey);
