using System.Net;
using System.Net.Http.Json;
using DualRail.Facilitator.Tests.Support;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Facilitator.Tests;

/// <summary>A facilitator whose chain node is down answers 503 with an x402 reason, and never claims success.</summary>
public sealed class ChainUnavailableTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Verify_and_settle_answer_503_when_the_node_does_not_answer()
    {
        var directory = Directory.CreateTempSubdirectory("dualrail-facilitator-down-");
        try
        {
            // Nothing listens on this port (it was free a moment ago).
            var deadRpc = $"http://127.0.0.1:{FreePort.Get()}";
            await using var host = await FacilitatorHost.StartAsync(anvil.Anvil.Network, deadRpc, DevAccounts.Account9, Path.Combine(directory.FullName, "store.db"));
            var body = await new PaymentScenario
            {
                Anvil = anvil.Anvil,
                Token = anvil.BaseSepoliaToken,
                Signer = DevAccounts.Account1,
                PayTo = DevAccounts.Account2.Address,
            }.BuildBodyAsync();

            using var verify = await host.Client.PostAsJsonAsync("/verify", body);
            using var settle = await host.Client.PostAsJsonAsync("/settle", body);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, verify.StatusCode);
            var verifyAnswer = await verify.Content.ReadFromJsonAsync<VerifyResponse>(X402Json.Options);
            Assert.False(verifyAnswer!.IsValid);
            Assert.Equal(ReasonCodes.UnexpectedVerifyError, verifyAnswer.InvalidReason);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, settle.StatusCode);
            var settleAnswer = await settle.Content.ReadFromJsonAsync<SettleResponse>(X402Json.Options);
            Assert.False(settleAnswer!.Success);
            Assert.Equal(ReasonCodes.UnexpectedSettleError, settleAnswer.ErrorReason);
            Assert.Equal("", settleAnswer.Transaction);
            await WaitForLogAsync(host, "[4011]");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_node_on_another_chain_is_reported_at_start()
    {
        var directory = Directory.CreateTempSubdirectory("dualrail-facilitator-wrongchain-");
        try
        {
            await using var host = await FacilitatorHost.StartAsync("eip155:8453", anvil.Anvil.RpcUrl, DevAccounts.Account9, Path.Combine(directory.FullName, "store.db"));

            var line = await WaitForLogAsync(host, "[4010]");

            Assert.Contains("eip155:8453", line, StringComparison.Ordinal);
            Assert.Contains("84532", line, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<string> WaitForLogAsync(FacilitatorHost host, string eventTag)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = host.Logs.Lines.FirstOrDefault(l => l.Contains(eventTag, StringComparison.Ordinal));
            if (line is not null)
                return line;
            await Task.Delay(50, limit.Token);
        }
    }
}
