using System.Net;
using DualRail.Client.Tests.Policy;
using DualRail.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace DualRail.Client.Tests.Http;

public sealed class AddDualRailPaymentsTests
{
    private static readonly PaymentRequirements Offer = SpendPolicyTests.Usdc("10000");

    private static (IHttpClientFactory Factory, CountingPayer Payer, ScriptedServer Server) Build(Action<DualRailClientOptions> configure)
    {
        var payer = new CountingPayer("evm", Offer.Network);
        var server = new ScriptedServer((request, _) => request.Headers.Contains(X402Headers.PaymentSignature)
            ? ScriptedServer.Paid(new SettleResponse { Success = true, Network = Offer.Network })
            : ScriptedServer.PaymentRequiredV2(ScriptedServer.Terms(Offer)));
        var services = new ServiceCollection();
        services.AddHttpClient("paid")
            .AddDualRailPayments(o =>
            {
                o.Payers.Add(payer);
                configure(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => server);
        return (services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), payer, server);
    }

    [Fact]
    public async Task A_registered_client_pays_and_its_session_limit_holds_across_clients_of_the_same_name()
    {
        var (factory, payer, _) = Build(o => o.Policy.MaxPerSession.Add("$0.015"));

        using var first = await factory.CreateClient("paid").GetAsync("http://test/api/demo");
        var second = await Assert.ThrowsAsync<PaymentRefusedException>(() => factory.CreateClient("paid").GetAsync("http://test/api/demo"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("evm", first.GetX402Payment()!.Rail);
        Assert.Contains("over its limit", second.Message);
        Assert.Equal(1, payer.Payments);
    }

    [Fact]
    public async Task A_per_request_limit_below_the_price_pays_nothing()
    {
        var (factory, payer, server) = Build(o => o.Policy.MaxPerRequest.Add("$0.001"));

        await Assert.ThrowsAsync<PaymentRefusedException>(() => factory.CreateClient("paid").GetAsync("http://test/api/demo"));

        Assert.Equal(0, payer.Payments);
        Assert.Single(server.Seen);
    }
}
