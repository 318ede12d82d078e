using System.Globalization;
using System.Text.Json;
using DualRail.TestSupport;

namespace DualRail.Contracts.Tests;

/// <summary>EIP-3009 on the token at Base Sepolia's USDC address, signed by Anvil's own EIP-712 signer.</summary>
public sealed class TransferWithAuthorizationTests(AnvilFixture fixture) : TokenTestBase(fixture), IClassFixture<AnvilFixture>
{
    private const string AuthorizationUsedTopic = "0x98de503528ee59b575ef0c0a2576a82497bfc029a5685b209e9ec333479b10a5";
    private const string AuthorizationCanceledTopic = "0x1cdd46ff242716cdaa72d159d339a485b3438398348d68f09d7c8c0a59353d81";
    private const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private static readonly DevAccount Payer = DevAccounts.Account1;
    private static readonly DevAccount Payee = DevAccounts.Account2;
    private static readonly DevAccount Relayer = DevAccounts.Account3;

    [Fact]
    public async Task Vrs_overload_moves_the_value_marks_the_nonce_and_emits_AuthorizationUsed_then_Transfer()
    {
        await Anvil.MintAsync(Token, Payer.Address, 1_000_000);
        var payerBefore = await Anvil.BalanceOfAsync(Token, Payer.Address);
        var payeeBefore = await Anvil.BalanceOfAsync(Token, Payee.Address);
        var authorization = await NewAuthorizationAsync(Payer, Payee.Address, 10_000);
        var signature = await SignAsync(Payer, authorization);

        var receipt = await SendAsync(Relayer, TransferVrs(authorization, signature));

        Assert.Equal(payerBefore - 10_000, await Anvil.BalanceOfAsync(Token, Payer.Address));
        Assert.Equal(payeeBefore + 10_000, await Anvil.BalanceOfAsync(Token, Payee.Address));
        Assert.True(await Anvil.AuthorizationStateAsync(Token, Payer.Address, authorization.Nonce));
        var logs = receipt.GetProperty("logs").EnumerateArray().ToList();
        Assert.Equal(2, logs.Count);
        Assert.Equal(AuthorizationUsedTopic, Topic(logs[0], 0));
        Assert.Equal(TestAbi.Address(Payer.Address), Topic(logs[0], 1)[2..]);
        Assert.Equal(authorization.Nonce, Topic(logs[0], 2));
        Assert.Equal(TransferTopic, Topic(logs[1], 0));
        Assert.Equal(Token, logs[1].GetProperty("address").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task Bytes_overload_accepts_an_eoa_signature()
    {
        await Anvil.MintAsync(Token, Payer.Address, 1_000_000);
        var payeeBefore = await Anvil.BalanceOfAsync(Token, Payee.Address);
        var authorization = await NewAuthorizationAsync(Payer, Payee.Address, 7);
        var signature = await SignAsync(Payer, authorization);

        await SendAsync(Relayer, TransferBytes(authorization, signature.Hex));

        Assert.Equal(payeeBefore + 7, await Anvil.BalanceOfAsync(Token, Payee.Address));
    }

    [Fact]
    public async Task Replaying_a_used_authorization_reverts_with_used_or_canceled()
    {
        await Anvil.MintAsync(Token, Payer.Address, 1_000_000);
        var authorization = await NewAuthorizationAsync(Payer, Payee.Address, 1);
        var signature = await SignAsync(Payer, authorization);
        await SendAsync(Relayer, TransferVrs(authorization, signature));

        Assert.Equal("FiatTokenV2: authorization is used or canceled", await RevertReasonAsync(Relayer, TransferVrs(authorization, signature)));
    }

    [Fact]
    public async Task Time_window_is_strict_on_both_ends()
    {
        await Anvil.MintAsync(Token, Payer.Address, 1_000_000);
        var now = await Anvil.Rpc.LatestBlockTimestampAsync();
        // eth_call runs on a pending block whose timestamp is >= now, so "validBefore = now" is expired
        // and "validAfter = now + 1000" is not yet valid.
        var expired = new TestAuthorization(Payer.Address, Payee.Address, 1, 0, now, TestAuthorization.NewNonce());
        var early = new TestAuthorization(Payer.Address, Payee.Address, 1, now + 1000, now + 2000, TestAuthorization.NewNonce());

        Assert.Equal("FiatTokenV2: authorization is expired", await RevertReasonAsync(Relayer, TransferVrs(expired, await SignAsync(Payer, expired))));
        Assert.Equal("FiatTokenV2: authorization is not yet valid", await RevertReasonAsync(Relayer, TransferVrs(early, await SignAsync(Payer, early))));
    }

    [Fact]
    public async Task Signatures_are_checked_like_usdc()
    {
        await Anvil.MintAsync(Token, Payer.Address, 1_000_000);
        var authorization = await NewAuthorizationAsync(Payer, Payee.Address, 1);
        var good = await SignAsync(Payer, authorization);
        var byAnotherKey = await SignAsync(Relayer, authorization);
        var forAnotherToken = await SignAsync(Payer, authorization, token: OtherToken);

        Assert.Equal("FiatTokenV2: invalid signature", await RevertReasonAsync(Relayer, TransferVrs(authorization, byAnotherKey)));
        Assert.Equal("FiatTokenV2: invalid signature", await RevertReasonAsync(Relayer, TransferVrs(authorization, forAnotherToken)));
        Assert.Equal("ECRecover: invalid signature 's' value", await RevertReasonAsync(Relayer, TransferVrs(authorization, good.WithHighS())));
        Assert.Equal("ECRecover: invalid signature 'v' value", await RevertReasonAsync(Relayer, TransferVrs(authorization, good.WithV((byte)(good.V - 27)))));
        Assert.Equal("ECRecover: invalid signature length", await RevertReasonAsync(Relayer, TransferBytes(authorization, good.Hex[..^2])));
        // The untouched signature still works afterwards: none of the above consumed the nonce.
        await SendAsync(Relayer, TransferVrs(authorization, good));
    }

    [Fact]
    public async Task Value_above_the_balance_reverts_with_the_erc20_message()
    {
        var poor = DevAccounts.Account4;
        var authorization = await NewAuthorizationAsync(poor, Payee.Address, (await Anvil.BalanceOfAsync(Token, poor.Address)) + 1);

        Assert.Equal("ERC20: transfer amount exceeds balance", await RevertReasonAsync(Relayer, TransferVrs(authorization, await SignAsync(poor, authorization))));
    }

    [Fact]
    public async Task Receive_with_authorization_only_works_for_the_payee()
    {
        await Anvil.MintAsync(Token, Payer.Address, 1_000_000);
        var payeeBefore = await Anvil.BalanceOfAsync(Token, Payee.Address);
        var authorization = await NewAuthorizationAsync(Payer, Payee.Address, 5);
        var signature = await SignAsync(Payer, authorization, ReceiveType);

        Assert.Equal("FiatTokenV2: caller must be the payee", await RevertReasonAsync(Relayer, ReceiveVrs(authorization, signature)));
        // A receive signature is not a transfer signature.
        Assert.Equal("FiatTokenV2: invalid signature", await RevertReasonAsync(Relayer, TransferVrs(authorization, signature)));
        await SendAsync(Payee, ReceiveVrs(authorization, signature));

        Assert.Equal(payeeBefore + 5, await Anvil.BalanceOfAsync(Token, Payee.Address));
    }

    [Fact]
    public async Task Cancel_authorization_burns_the_nonce()
    {
        await Anvil.MintAsync(Token, Payer.Address, 1_000_000);
        var authorization = await NewAuthorizationAsync(Payer, Payee.Address, 5);
        var transferSignature = await SignAsync(Payer, authorization);
        var cancelSignature = new TestSignature(await Anvil.Rpc.SignTypedDataAsync(Payer.Address, CancelTypedData(authorization.Nonce)));
        var cancel = TestAbi.Call(
            TokenAbi.Selector("cancelAuthorization(address,bytes32,uint8,bytes32,bytes32)"),
            [TestAbi.Address(Payer.Address), TestAbi.Bytes32(authorization.Nonce), .. cancelSignature.VrsWords()]);

        var receipt = await SendAsync(Relayer, cancel);

        Assert.Equal(AuthorizationCanceledTopic, Topic(receipt.GetProperty("logs")[0], 0));
        Assert.True(await Anvil.AuthorizationStateAsync(Token, Payer.Address, authorization.Nonce));
        Assert.Equal("FiatTokenV2: authorization is used or canceled", await RevertReasonAsync(Relayer, TransferVrs(authorization, transferSignature)));
        Assert.Equal("FiatTokenV2: authorization is used or canceled", await RevertReasonAsync(Relayer, cancel));
    }

    private System.Text.Json.Nodes.JsonNode CancelTypedData(string nonce) => System.Text.Json.Nodes.JsonNode.Parse($$"""
        {
          "types": {
            "EIP712Domain": [{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
            "CancelAuthorization": [{"name":"authorizer","type":"address"},{"name":"nonce","type":"bytes32"}]
          },
          "primaryType": "CancelAuthorization",
          "domain": {"name":"USDC","version":"2","chainId":{{Anvil.ChainId.ToString(CultureInfo.InvariantCulture)}},"verifyingContract":"{{Token}}"},
          "message": {"authorizer":"{{Payer.Address}}","nonce":"{{nonce}}"}
        }
        """)!;

    private static string Topic(JsonElement log, int index) => log.GetProperty("topics")[index].GetString()!;
}
