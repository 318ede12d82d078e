using DualRail.AspNetCore.Configuration;
using DualRail.Money;
using Microsoft.Extensions.Options;

namespace DualRail.AspNetCore.Routing;

/// <summary>
/// The routes priced in configuration, most specific first: patterns without a wildcard before
/// wildcards, then by the number of literal segments. Built once; options are validated on start.
/// </summary>
internal sealed class PricedRouteTable
{
    private readonly PricedRoute[] _routes;

    public PricedRouteTable(IOptions<DualRailOptions> options)
    {
        _routes = Build(options.Value, out _).OrderBy(r => r.Pattern.HasWildcard).ThenByDescending(r => r.Pattern.LiteralSegments)
            .ThenBy(r => r.Pattern.Method is null).ToArray();
    }

    public IReadOnlyList<PricedRoute> Routes => _routes;

    public PricedRoute? Match(string method, string path)
    {
        foreach (var route in _routes)
        {
            if (route.Pattern.Matches(method, path))
                return route;
        }
        return null;
    }

    /// <summary>Parses every configured route; <paramref name="errors"/> says what is wrong with the others.</summary>
    public static List<PricedRoute> Build(DualRailOptions options, out List<string> errors)
    {
        errors = [];
        var routes = new List<PricedRoute>();
        foreach (var (key, pricing) in options.Routes)
        {
            if (!PricedRoutePattern.TryParse(key, out var pattern, out var patternError))
            {
                errors.Add($"DualRail:Routes: {patternError}");
                continue;
            }
            if (pricing?.Price is null)
            {
                errors.Add($"DualRail:Routes:'{key}': no price (write \"$0.01\" or {{ \"price\": \"$0.01\" }}).");
                continue;
            }
            if (!Price.TryParse(pricing.Price, out var price, out var priceError))
            {
                errors.Add($"DualRail:Routes:'{key}': {priceError}");
                continue;
            }
            if (pricing.MaxTimeoutSeconds is <= 0)
            {
                errors.Add($"DualRail:Routes:'{key}': maxTimeoutSeconds must be positive.");
                continue;
            }
            routes.Add(new PricedRoute(pattern, price, pricing.Description, pricing.MimeType, pricing.Settlement,
                pricing.MaxTimeoutSeconds ?? 0));
        }
        return routes;
    }
}
