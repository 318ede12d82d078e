using System.Net;
using DualRail.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace DualRail.AspNetCore.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData("DualRail:Routes:GET /api/x", "0.01", "is not a price")]
    [InlineData("DualRail:Routes:GET /api/x", "$-1", "non-negative")]
    [InlineData("DualRail:Routes:GET api/x", "$0.01", "must start with '/'")]
    [InlineData("DualRail:Routes:GET /api/*/x", "$0.01", "'*' may only be the whole last segment")]
    [InlineData("DualRail:Routes:GET /api/x:Description", "no price here", "no price")]
    [InlineData("DualRail:MaxTimeoutSeconds", "0", "MaxTimeoutSeconds must be positive")]
    [InlineData("DualRail:PublicBaseUrl", "ftp://example.com", "PublicBaseUrl")]
    [InlineData("DualRail:Settlement:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("DualRail:Ledger:Path", "/no/such/directory/ledger.db", "does not exist")]
    public async Task AMisconfigurationStopsStartUpWithAClearMessage(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var server = await PaidServer.StartAsync(settings: new Dictionary<string, string?> { [key] = value });
        });
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ABadPriceOnAnEndpointFailsWhenTheEndpointIsDeclared()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        Assert.Throws<FormatException>(() => app.MapGet("/x", () => "x").RequirePayment("one dollar"));
    }

    [Fact]
    public void UseDualRailWithoutAddDualRailSaysWhatIsMissing()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.UseDualRail());
        Assert.Contains("AddDualRail", error.Message);
    }

    [Fact]
    public async Task WithoutAnyRailTheServerStartsButNeverServesAPricedRoute()
    {
        await using var server = await PaidServer.StartAsync(withRail: false);

        using var response = await server.Client.GetAsync("/api/demo");
        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var terms = X402TestClient.DecodeTerms(response);
        Assert.Empty(terms.Accepts);
        Assert.Equal("no payment rail is available", terms.Error);

        using var paid = await X402TestClient.PaidGetAsync(server.Client, "/api/demo", X402TestClient.Pay(new Protocol.PaymentRequirements
        {
            Scheme = "exact", Network = FakeRail.NetworkId, Amount = "10000", Asset = "FAKEUSD", PayTo = "merchant", MaxTimeoutSeconds = 300,
        }));
        Assert.Equal(HttpStatusCode.PaymentRequired, paid.StatusCode);
        Assert.Equal(0, server.HandlerCalls);

        using var health = await server.Client.GetAsync("/x402/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("free", await server.Client.GetStringAsync("/api/free"));
    }
}
