using System.Numerics;
using System.Security.Cryptography;
using DualRail.Facilitator.Tests.Support;
using DualRail.TestSupport;

namespace DualRail.Facilitator.Tests;

/// <summary>/verify and /settle against a real Anvil with the token at Base Sepolia's USDC address.</summary>
public sealed class SettlementTests(FacilitatorFixture fixture) : IClassFixture<FacilitatorFixture>
{
    private static readonly DevAccount Payer = DevAccounts.Account1;

    private AnvilProcess Anvil => fixture.Anvil;

    private HttpClient Facilitator => fixture.Host.Client;

    [Fact]
    public async Task A_valid_authorization_verifies_and_settles_on_chain()
    {
        await Anvil.MintAsync(fixture.BaseSepoliaToken, Payer.Address, 1_000_000);
        var scenario = Scenario(RandomAddress());
        var body = await scenario.BuildBodyAsync();
        var payerBefore = await Anvil.BalanceOfAsync(fixture.BaseSepoliaToken, Payer.Address);

        var verify = await Facilitator.VerifyAsync(body);
        Assert.True(verify.IsValid, verify.InvalidReason);
        Assert.Equal(Payer.Address, verify.Payer);

        var settle = await Facilitator.SettleAsync(body);
        Assert.True(settle.Success, settle.ErrorReason + " " + settle.ErrorMessage);
        Assert.Equal(Anvil.Network, settle.Network);
        Assert.Equal(Payer.Address, settle.Payer);
        var receipt = await Anvil.Rpc.WaitForReceiptAsync(settle.Transaction);
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        Assert.Equal(FacilitatorFixture.Relayer.Address, receipt.GetProperty("from").GetString(), ignoreCase: true);
        Assert.Equal(new BigInteger(10_000), await Anvil.BalanceOfAsync(fixture.BaseSepoliaToken, scenario.PayTo));
        Assert.Equal(payerBefore - 10_000, await Anvil.BalanceOfAsync(fixture.BaseSepoliaToken, Payer.Address));
        Assert.True(await Anvil.AuthorizationStateAsync(fixture.BaseSepoliaToken, Payer.Address, scenario.Nonce));
    }

    [Fact]
    public async Task Settling_the_same_authorization_twice_returns_the_first_transaction_and_sends_nothing_more()
    {
        await Anvil.MintAsync(fixture.BaseSepoliaToken, Payer.Address, 1_000_000);
        var scenario = Scenario(RandomAddress());
        var body = await scenario.BuildBodyAsync();

        var first = await Facilitator.SettleAsync(body);
        var relayerNonce = await RelayerNonceAsync();
        var second = await Facilitator.SettleAsync(body);

        Assert.True(first.Success, first.ErrorReason);
        Assert.True(second.Success, second.ErrorReason);
        Assert.Equal(first.Transaction, second.Transaction);
        Assert.Equal(relayerNonce, await RelayerNonceAsync());
        Assert.Equal(new BigInteger(10_000), await Anvil.BalanceOfAsync(fixture.BaseSepoliaToken, scenario.PayTo));
    }

    [Fact]
    public async Task Twenty_concurrent_settlements_of_distinct_authorizations_all_land()
    {
        await Anvil.MintAsync(fixture.BaseSepoliaToken, Payer.Address, 1_000_000);
        var payTo = RandomAddress();
        var bodies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (Scenario(payTo) with { Amount = 100 + i }).BuildBodyAsync()));

        var results = await Task.WhenAll(bodies.Select(Facilitator.SettleAsync));

        Assert.All(results, r => Assert.True(r.Success, r.ErrorReason + " " + r.ErrorMessage));
        Assert.Equal(20, results.Select(r => r.Transaction).Distinct().Count());
        foreach (var result in results)
            Assert.Equal("0x1", (await Anvil.Rpc.WaitForReceiptAsync(result.Transaction)).GetProperty("status").GetString());
        Assert.Equal(new BigInteger(Enumerable.Range(0, 20).Sum(i => 100 + i)), await Anvil.BalanceOfAsync(fixture.BaseSepoliaToken, payTo));
    }

    [Fact]
    public async Task Twenty_concurrent_settlements_of_one_authorization_send_one_transaction()
    {
        await Anvil.MintAsync(fixture.BaseSepoliaToken, Payer.Address, 1_000_000);
        var scenario = Scenario(RandomAddress());
        var body = await scenario.BuildBodyAsync();
        var relayerNonce = await RelayerNonceAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Facilitator.SettleAsync(body)));

        Assert.All(results, r => Assert.True(r.Success, r.ErrorReason));
        Assert.Single(results.Select(r => r.Transaction).Distinct());
        Assert.Equal(relayerNonce + 1, await RelayerNonceAsync());
        Assert.Equal(new BigInteger(10_000), await Anvil.BalanceOfAsync(fixture.BaseSepoliaToken, scenario.PayTo));
    }

    [Fact]
    public async Task A_relayer_nonce_used_behind_the_facilitators_back_is_resynced()
    {
        await Anvil.MintAsync(fixture.BaseSepoliaToken, Payer.Address, 1_000_000);
        var warmUp = await Facilitator.SettleAsync(await Scenario(RandomAddress()).BuildBodyAsync());
        Assert.True(warmUp.Success, warmUp.ErrorReason);

        // Another user of the relayer key takes the nonce the facilitator has cached.
        await Anvil.Rpc.SendTransactionAsync(FacilitatorFixture.Relayer.Address, DevAccounts.Account0.Address, "0x");
        var scenario = Scenario(RandomAddress());
        var settle = await Facilitator.SettleAsync(await scenario.BuildBodyAsync());

        Assert.True(settle.Success, settle.ErrorReason + " " + settle.ErrorMessage);
        Assert.Equal(new BigInteger(10_000), await Anvil.BalanceOfAsync(fixture.BaseSepoliaToken, scenario.PayTo));
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Contains("[4007]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_contract_wallet_pays_through_erc1271_and_the_bytes_overload()
    {
        var owner = DevAccounts.Account3;
        var wallet = await Anvil.DeployTestWalletAsync(owner.Address);
        await Anvil.MintAsync(fixture.BaseSepoliaToken, wallet, 50_000);
        var scenario = Scenario(RandomAddress()) with { Signer = owner, From = wallet };
        var body = await scenario.BuildBodyAsync();

        var verify = await Facilitator.VerifyAsync(body);
        Assert.True(verify.IsValid, verify.InvalidReason);
        var settle = await Facilitator.SettleAsync(body);

        Assert.True(settle.Success, settle.ErrorReason + " " + settle.ErrorMessage);
        Assert.Equal(new BigInteger(10_000), await Anvil.BalanceOfAsync(fixture.BaseSepoliaToken, scenario.PayTo));
        Assert.Equal(new BigInteger(40_000), await Anvil.BalanceOfAsync(fixture.BaseSepoliaToken, wallet));
    }

    [Fact]
    public async Task An_invalid_authorization_is_not_settled_and_sends_no_transaction()
    {
        var relayerNonce = await RelayerNonceAsync();
        var scenario = Scenario(RandomAddress()) with { Signer = DevAccounts.Account4, From = Payer.Address };

        var settle = await Facilitator.SettleAsync(await scenario.BuildBodyAsync());

        Assert.False(settle.Success);
        Assert.Equal("invalid_exact_evm_signature", settle.ErrorReason);
        Assert.Equal("", settle.Transaction);
        Assert.Equal(relayerNonce, await RelayerNonceAsync());
    }

    [Fact]
    public async Task Settled_authorizations_are_remembered_across_a_restart()
    {
        await Anvil.MintAsync(fixture.BaseSepoliaToken, Payer.Address, 1_000_000);
        var directory = Directory.CreateTempSubdirectory("dualrail-facilitator-restart-");
        try
        {
            var storePath = Path.Combine(directory.FullName, "store.db");
            var body = await Scenario(RandomAddress()).BuildBodyAsync();
            string firstTransaction;
            await using (var first = await FacilitatorHost.StartAsync(Anvil.Network, Anvil.RpcUrl, DevAccounts.Account8, storePath))
            {
                var settled = await first.Client.SettleAsync(body);
                Assert.True(settled.Success, settled.ErrorReason);
                firstTransaction = settled.Transaction;
            }

            await using var second = await FacilitatorHost.StartAsync(Anvil.Network, Anvil.RpcUrl, DevAccounts.Account8, storePath);
            var again = await second.Client.SettleAsync(body);

            Assert.True(again.Success, again.ErrorReason);
            Assert.Equal(firstTransaction, again.Transaction);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private PaymentScenario Scenario(string payTo) => new()
    {
        Anvil = Anvil,
        Token = fixture.BaseSepoliaToken,
        Signer = Payer,
        PayTo = payTo,
    };

    private async Task<BigInteger> RelayerNonceAsync() =>
        AnvilRpc.ParseQuantity((await Anvil.Rpc.CallAsync("eth_getTransactionCount", FacilitatorFixture.Relayer.Address, "latest")).GetString()!);

    private static string RandomAddress() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
