using System.Numerics;
using DualRail.Facilitator.Tests.Support;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Facilitator.Tests;

/// <summary>A transaction that is not mined in time: settlement_pending with the hash, then the same answer as a success once mined.</summary>
public sealed class ReceiptTimeoutTests
{
    [Fact]
    public async Task An_unmined_settlement_answers_pending_and_a_later_settle_reports_the_same_transaction()
    {
        await using var anvil = await AnvilProcess.StartAsync();
        var token = await anvil.InstallTokenAtAsync();
        var payer = DevAccounts.Account1;
        await anvil.MintAsync(token, payer.Address, 1_000_000);
        var directory = Directory.CreateTempSubdirectory("dualrail-facilitator-pending-");
        try
        {
            await using var host = await FacilitatorHost.StartAsync(
                anvil.Network, anvil.RpcUrl, DevAccounts.Account9, Path.Combine(directory.FullName, "store.db"),
                new Dictionary<string, string?> { ["DualRail:Facilitator:ReceiptTimeout"] = "00:00:01" });
            var scenario = new PaymentScenario { Anvil = anvil, Token = token, Signer = payer, PayTo = DevAccounts.Account2.Address };
            var body = await scenario.BuildBodyAsync();
            await anvil.Rpc.CallAsync("evm_setAutomine", false);

            var pending = await host.Client.SettleAsync(body);

            Assert.False(pending.Success);
            Assert.Equal(ReasonCodes.SettlementPending, pending.ErrorReason);
            Assert.StartsWith("0x", pending.Transaction);
            Assert.Equal(66, pending.Transaction.Length);

            await anvil.Rpc.CallAsync("evm_mine");
            var settled = await host.Client.SettleAsync(body);

            Assert.True(settled.Success, settled.ErrorReason);
            Assert.Equal(pending.Transaction, settled.Transaction);
            Assert.Equal(new BigInteger(10_000), await anvil.BalanceOfAsync(token, DevAccounts.Account2.Address));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_settlement_transaction_dropped_by_the_node_is_sent_again()
    {
        await using var anvil = await AnvilProcess.StartAsync();
        var token = await anvil.InstallTokenAtAsync();
        var payer = DevAccounts.Account1;
        await anvil.MintAsync(token, payer.Address, 1_000_000);
        var directory = Directory.CreateTempSubdirectory("dualrail-facilitator-dropped-");
        try
        {
            await using var host = await FacilitatorHost.StartAsync(
                anvil.Network, anvil.RpcUrl, DevAccounts.Account9, Path.Combine(directory.FullName, "store.db"),
                new Dictionary<string, string?> { ["DualRail:Facilitator:ReceiptTimeout"] = "00:00:01" });
            var body = await new PaymentScenario { Anvil = anvil, Token = token, Signer = payer, PayTo = DevAccounts.Account2.Address }.BuildBodyAsync();
            await anvil.Rpc.CallAsync("evm_setAutomine", false);
            var pending = await host.Client.SettleAsync(body);
            Assert.Equal(ReasonCodes.SettlementPending, pending.ErrorReason);

            await anvil.Rpc.CallAsync("anvil_dropTransaction", pending.Transaction);
            await anvil.Rpc.CallAsync("evm_setAutomine", true);
            var settled = await host.Client.SettleAsync(body);

            Assert.True(settled.Success, settled.ErrorReason + " " + settled.ErrorMessage);
            Assert.Equal("0x1", (await anvil.Rpc.WaitForReceiptAsync(settled.Transaction)).GetProperty("status").GetString());
            Assert.Equal(new BigInteger(10_000), await anvil.BalanceOfAsync(token, DevAccounts.Account2.Address));
            Assert.Contains(host.Logs.Lines, line => line.Contains("[4012]", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
