using DualRail.AspNetCore.Metadata;
using DualRail.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualRail.AspNetCore.Middleware;

/// <summary>Finds the price of a request: endpoint metadata first, then the routes priced in configuration.</summary>
internal sealed class PaidResourceResolver(PricedRouteTable routes)
{
    public bool HasConfiguredRoutes => routes.Routes.Count > 0;

    public PaidResource? Resolve(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null)
        {
            if (endpoint.Metadata.GetMetadata<DisablePaymentAttribute>() is not null)
                return null;
            if (endpoint.Metadata.GetMetadata<IPaymentMetadata>() is { } metadata)
            {
                var template = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "/";
                return new PaidResource(metadata, context.Request.Method + " /" + template.TrimStart('/'));
            }
        }
        if (!HasConfiguredRoutes)
            return null;
        var route = routes.Match(context.Request.Method, context.Request.Path.Value ?? "/");
        return route is null ? null : new PaidResource(route, route.Pattern.Key);
    }
}
