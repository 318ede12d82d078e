using System.Diagnostics.CodeAnalysis;

namespace DualRail.AspNetCore.Routing;

/// <summary>
/// A configured route pattern such as <c>GET /api/premium/*</c>: an optional HTTP method and a path
/// of literal segments (case-insensitive), <c>{name}</c> or <c>:name</c> (any one segment), and a final
/// <c>*</c> (one or more segments).
/// </summary>
internal sealed class PricedRoutePattern
{
    private readonly string[] _segments;

    private PricedRoutePattern(string? method, string path, string[] segments)
    {
        Method = method;
        Path = path;
        _segments = segments;
    }

    /// <summary>The method, or null for any.</summary>
    public string? Method { get; }

    public string Path { get; }

    /// <summary>The canonical text ("GET /api/premium/*"), used as the resource key.</summary>
    public string Key => (Method ?? "*") + " " + Path;

    public bool HasWildcard => _segments.Length > 0 && _segments[^1] == "*";

    public int LiteralSegments => _segments.Count(s => !IsParameter(s) && s != "*");

    public static bool TryParse(string text, [NotNullWhen(true)] out PricedRoutePattern? pattern, [NotNullWhen(false)] out string? error)
    {
        pattern = null;
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string? method = null;
        string path;
        switch (parts.Length)
        {
            case 1:
                path = parts[0];
                break;
            case 2:
                method = parts[0] == "*" ? null : parts[0].ToUpperInvariant();
                path = parts[1];
                if (method is not null && !method.All(char.IsAsciiLetterUpper))
                {
                    error = $"'{text}': '{parts[0]}' is not an HTTP method.";
                    return false;
                }
                break;
            default:
                error = $"'{text}' is not a route pattern: write \"GET /api/premium/*\" or \"/api/premium/*\".";
                return false;
        }
        if (!path.StartsWith('/'))
        {
            error = $"'{text}': the path must start with '/'.";
            return false;
        }
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Contains('*', StringComparison.Ordinal) && (segments[i] != "*" || i != segments.Length - 1))
            {
                error = $"'{text}': '*' may only be the whole last segment.";
                return false;
            }
        }
        pattern = new PricedRoutePattern(method, "/" + string.Join('/', segments), segments);
        error = null;
        return true;
    }

    public bool Matches(string method, string path)
    {
        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            return false;
        var requested = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var wildcard = HasWildcard;
        var fixedCount = wildcard ? _segments.Length - 1 : _segments.Length;
        if (wildcard ? requested.Length <= fixedCount : requested.Length != fixedCount)
            return false;
        for (var i = 0; i < fixedCount; i++)
        {
            if (!IsParameter(_segments[i]) && !string.Equals(_segments[i], requested[i], StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }

    private static bool IsParameter(string segment) =>
        segment.StartsWith(':') || (segment.StartsWith('{') && segment.EndsWith('}'));
}
