using DualRail.AspNetCore.Routing;

namespace DualRail.AspNetCore.Tests;

public sealed class PricedRoutePatternTests
{
    [Theory]
    [InlineData("GET /api/premium/*", "GET", "/api/premium/a", true)]
    [InlineData("GET /api/premium/*", "GET", "/api/premium/a/b/c", true)]
    [InlineData("GET /api/premium/*", "GET", "/api/premium", false)]
    [InlineData("GET /api/premium/*", "GET", "/api/premiumx/a", false)]
    [InlineData("GET /api/premium/*", "POST", "/api/premium/a", false)]
    [InlineData("get /API/Premium/*", "GET", "/api/premium/a", true)]
    [InlineData("/api/x", "DELETE", "/api/x", true)]
    [InlineData("* /api/x", "PUT", "/api/x/", true)]
    [InlineData("GET /users/{id}/report", "GET", "/users/42/report", true)]
    [InlineData("GET /users/:id/report", "GET", "/users/42/report", true)]
    [InlineData("GET /users/{id}/report", "GET", "/users/42/43/report", false)]
    public void Matches(string pattern, string method, string path, bool expected)
    {
        Assert.True(PricedRoutePattern.TryParse(pattern, out var parsed, out var error), error);
        Assert.Equal(expected, parsed.Matches(method, path));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("GET /a /b")]
    [InlineData("G3T /a")]
    [InlineData("GET /a*")]
    [InlineData("GET /*/a")]
    public void RefusesMalformedPatterns(string pattern) => Assert.False(PricedRoutePattern.TryParse(pattern, out _, out _));
}
