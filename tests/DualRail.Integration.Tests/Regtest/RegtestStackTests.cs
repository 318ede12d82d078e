using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DualRail.Integration.Tests.Regtest;

[Collection(RegtestCollection.Name)]
public sealed class RegtestStackTests(RegtestStack stack)
{
    [SkippableFact]
    public async Task Demo_route_asks_for_payment_on_both_rails()
    {
        Skip.If(stack.UnavailableReason is not null, stack.UnavailableReason);
        using var http = new HttpClient { BaseAddress = stack.ServerUrl };

        using var response = await http.GetAsync("/api/demo");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var header = Assert.Single(response.Headers.GetValues("PAYMENT-REQUIRED"));
        var required = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)))!;
        var networks = required["accepts"]!.AsArray().Select(a => (string)a!["network"]!).ToList();
        Assert.Contains("eip155:84532", networks);
        Assert.Contains("bip122:0f9188f13cb7b2c71f2a335e3a4fc328", networks);
    }
}
