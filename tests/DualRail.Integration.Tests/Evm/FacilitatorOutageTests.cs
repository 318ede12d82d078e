using System.Net;
using System.Net.Sockets;
using DualRail.Integration.Tests.Evm.Infrastructure;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Integration.Tests.Evm;

/// <summary>A server whose facilitator is down serves nothing, answers 402 (never 500), and recovers by itself.</summary>
public sealed class FacilitatorOutageTests(EvmStackFixture stack) : IClassFixture<EvmStackFixture>
{
    [Fact]
    public async Task Nothing_is_served_while_the_facilitator_is_down_and_payments_work_once_it_is_up()
    {
        // Bound but not listening: connections are refused, and no other process can take the port meanwhile.
        using var reserved = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        reserved.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)reserved.LocalEndPoint!).Port;
        var facilitatorUrl = $"http://127.0.0.1:{port}";
        await using var server = await stack.StartServerAsync(facilitatorUrl: facilitatorUrl);
        var merchantBefore = await stack.BalanceAsync(EvmStackFixture.Merchant.Address);

        // What the server would ask for (the same quote another server on this chain gives).
        var accepted = EvmPayer.EvmAccept(await EvmPayer.RequireAsync(stack.Server.Client, EvmPaidServer.AsyncPath));
        var early = EvmPayer.Draft(accepted, DevAccounts.Account2);

        using (var refused = await EvmPayer.SendAsync(server.Client, EvmPaidServer.AsyncPath, early.ToHeader()))
        {
            Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
            Assert.Equal(ReasonCodes.UnexpectedVerifyError, EvmPayer.Reason(refused));
        }

        // Once the facilitator is known to be down, the EVM rail leaves the 402's accepts.
        await Eventually.WaitAsync(() => EvmPayer.RequireAsync(server.Client, EvmPaidServer.AsyncPath), r => r.Accepts.Count == 0, "the EVM rail to report unavailable");
        using (var refused = await EvmPayer.SendAsync(server.Client, EvmPaidServer.AsyncPath, early.ToHeader()))
        {
            Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
            Assert.Equal(ReasonCodes.UnexpectedVerifyError, EvmPayer.Reason(refused));
        }
        Assert.Equal(0, server.HandlerCalls);
        Assert.Equal(merchantBefore, await stack.BalanceAsync(EvmStackFixture.Merchant.Address));

        // The facilitator comes up (another relayer, so it never races the fixture's nonces).
        reserved.Dispose();
        await using var late = await InProcessFacilitator.StartAsync(stack.Anvil, DevAccounts.Account8, stack.Directory, port);
        var required = await Eventually.WaitAsync(() => EvmPayer.RequireAsync(server.Client, EvmPaidServer.AsyncPath), r => r.Accepts.Count == 1, "the EVM rail to recover");

        var authorization = EvmPayer.Draft(EvmPayer.EvmAccept(required), DevAccounts.Account2);
        using var paid = await EvmPayer.SendAsync(server.Client, EvmPaidServer.AsyncPath, authorization.ToHeader());
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(1, server.HandlerCalls);
        await Eventually.WaitAsync(() => stack.BalanceAsync(EvmStackFixture.Merchant.Address), b => b == merchantBefore + 10_000, "the settlement");
        Assert.True(await stack.Anvil.AuthorizationStateAsync(stack.BaseSepoliaToken, DevAccounts.Account2.Address, authorization.NonceHex));
    }
}
