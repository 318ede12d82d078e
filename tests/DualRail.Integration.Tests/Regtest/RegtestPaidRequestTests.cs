using System.Net;
using DualRail.Client;
using DualRail.Client.Evm;
using DualRail.Client.Lightning;
using DualRail.Client.Policy;

namespace DualRail.Integration.Tests.Regtest;

/// <summary>The paid-request flow of each rail against the compose stack: real LND, Anvil, facilitator, server.</summary>
[Collection(RegtestCollection.Name)]
public sealed class RegtestPaidRequestTests(RegtestStack stack)
{
    // Anvil dev account 1, funded by the bootstrap job (a public test key).
    private const string PayerKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    [SkippableFact]
    public async Task Evm_payment_is_served_once_with_a_receipt()
    {
        Skip.If(stack.UnavailableReason is not null, stack.UnavailableReason);
        var payer = new EvmPayer(new EvmPayerOptions { PrivateKey = PayerKey });

        await PayDemoAsync(payer, "evm");
    }

    [SkippableFact]
    public async Task Lightning_payment_through_the_payer_node_is_served_once_with_a_receipt()
    {
        Skip.If(stack.UnavailableReason is not null, stack.UnavailableReason);
        var dir = Directory.CreateTempSubdirectory("dualrail-regtest-payer-");
        var cert = Path.Combine(dir.FullName, "tls.cert");
        var macaroon = Path.Combine(dir.FullName, "admin.macaroon");
        await File.WriteAllBytesAsync(cert, await stack.ReadFileAsync("lnd-payer", "/root/.lnd/tls.cert"));
        await File.WriteAllBytesAsync(macaroon, await stack.ReadFileAsync("lnd-payer", "/root/.lnd/data/chain/bitcoin/regtest/admin.macaroon"));
        using var payer = LightningPayer.Connect(new LightningPayerOptions
        {
            Endpoint = stack.PayerLndEndpoint.ToString(),
            TlsCertPath = cert,
            MacaroonPath = macaroon,
        });

        await PayDemoAsync(payer, "lightning");
    }

    private async Task PayDemoAsync(Client.Payers.IPaymentPayer payer, string rail)
    {
        var session = new PaymentSession([payer], new SpendPolicy(new SpendPolicyOptions()), [rail], [rail]);
        using var http = new HttpClient(new X402PaymentHandler(session, new SocketsHttpHandler())) { BaseAddress = stack.ServerUrl };

        using var response = await http.GetAsync("/api/demo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payment = response.GetX402Payment();
        Assert.NotNull(payment);
        Assert.Equal(rail, payment.Rail);
        Assert.True(payment.Settlement?.Success, "PAYMENT-RESPONSE says success");
    }
}
