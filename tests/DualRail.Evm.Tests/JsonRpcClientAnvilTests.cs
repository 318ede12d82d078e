using System.Numerics;
using System.Security.Cryptography;
using DualRail.Crypto;
using DualRail.Evm.Abi;
using DualRail.Evm.Eip3009;
using DualRail.Evm.Eip712;
using DualRail.Evm.Rpc;
using DualRail.Evm.Transactions;
using DualRail.TestSupport;

namespace DualRail.Evm.Tests;

/// <summary>The JSON-RPC client, the transaction signers and the EIP-3009 calldata against a real Anvil.</summary>
public sealed class JsonRpcClientAnvilTests : IClassFixture<AnvilFixture>, IDisposable
{
    private static readonly BigInteger TenThousandEth = BigInteger.Parse("10000000000000000000000");

    private readonly AnvilFixture anvil;
    private readonly HttpClient http = new();
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));
    private readonly JsonRpcClient client;

    public JsonRpcClientAnvilTests(AnvilFixture anvil)
    {
        this.anvil = anvil;
        client = new JsonRpcClient(http, new Uri(anvil.RpcUrl));
    }

    private CancellationToken Timeout => timeout.Token;

    [Fact]
    public async Task Reads_chain_state()
    {
        var token = EvmAddress.Parse(anvil.Token);
        var untouched = Account(DevAccounts.Account8);

        Assert.Equal(anvil.Anvil.ChainId, await client.GetChainIdAsync(Timeout));
        Assert.True(await client.GetBlockNumberAsync(Timeout) >= 1);
        Assert.Equal(TenThousandEth, await client.GetBalanceAsync(untouched, BlockTag.Latest, Timeout));
        Assert.Equal(BigInteger.Zero, await client.GetTransactionCountAsync(untouched, BlockTag.Pending, Timeout));
        Assert.Empty(await client.GetCodeAsync(untouched, BlockTag.Latest, Timeout));
        Assert.NotEmpty(await client.GetCodeAsync(token, BlockTag.Latest, Timeout));
        Assert.True(await client.GetGasPriceAsync(Timeout) > 0);
        Assert.True(await client.GetMaxPriorityFeePerGasAsync(Timeout) > 0);

        var latest = await client.GetBlockByNumberAsync(BlockTag.Latest, Timeout);
        Assert.NotNull(latest);
        Assert.NotNull(latest.BaseFeePerGas);
        Assert.True(latest.Timestamp > 1_700_000_000);
        Assert.Null(await client.GetBlockByNumberAsync(BlockTag.Number(latest.Number + 1000), Timeout));

        var history = await client.GetFeeHistoryAsync(2, BlockTag.Latest, [50], Timeout);
        Assert.Equal(3, history.BaseFeePerGas.Count);
        Assert.Equal(2, history.GasUsedRatio.Count);
        Assert.Equal(2, history.Reward.Count);
    }

    [Fact]
    public async Task Type2_transfer_signed_here_is_mined_and_moves_exactly_the_value()
    {
        var sender = DevAccounts.Account3;
        var recipient = EvmAddress.FromPrivateKey(RandomKey());
        var value = new BigInteger(123_456_789_000);
        var senderBefore = await client.GetBalanceAsync(Account(sender), BlockTag.Latest, Timeout);
        var fees = await client.EstimateFeesAsync(cancellationToken: Timeout);
        var gas = await client.EstimateGasAsync(new CallRequest { From = Account(sender), To = recipient, Value = value }, Timeout);

        var signed = new Eip1559Transaction
        {
            ChainId = anvil.Anvil.ChainId,
            Nonce = await client.GetTransactionCountAsync(Account(sender), BlockTag.Pending, Timeout),
            MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
            MaxFeePerGas = fees.MaxFeePerGas,
            GasLimit = gas,
            To = recipient,
            Value = value,
        }.Sign(Hex.Decode(sender.PrivateKey));

        var hash = await client.SendRawTransactionAsync(signed.Raw, Timeout);
        var receipt = await client.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(50), Timeout);

        Assert.Equal(new BigInteger(21000), gas);
        Assert.Equal(signed.HashHex, hash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(Account(sender), receipt.From);
        Assert.Equal(recipient, receipt.To);
        Assert.Equal(value, await client.GetBalanceAsync(recipient, BlockTag.Latest, Timeout));
        Assert.Equal(senderBefore - value - (receipt.GasUsed * receipt.EffectiveGasPrice), await client.GetBalanceAsync(Account(sender), BlockTag.Latest, Timeout));
    }

    [Fact]
    public async Task Legacy_eip155_transfer_is_mined()
    {
        var sender = DevAccounts.Account4;
        var recipient = EvmAddress.FromPrivateKey(RandomKey());

        var signed = new LegacyTransaction
        {
            ChainId = anvil.Anvil.ChainId,
            Nonce = await client.GetTransactionCountAsync(Account(sender), BlockTag.Pending, Timeout),
            GasPrice = await client.GetGasPriceAsync(Timeout),
            GasLimit = 21000,
            To = recipient,
            Value = 777,
        }.Sign(Hex.Decode(sender.PrivateKey));
        var receipt = await client.WaitForReceiptAsync(await client.SendRawTransactionAsync(signed.Raw, Timeout), TimeSpan.FromMilliseconds(50), Timeout);

        Assert.True(receipt.Succeeded);
        Assert.Equal(new BigInteger(777), await client.GetBalanceAsync(recipient, BlockTag.Latest, Timeout));

        // The same raw transaction again: the node refuses it with an error object, not a revert.
        var again = await Assert.ThrowsAsync<JsonRpcException>(() => client.SendRawTransactionAsync(signed.Raw, Timeout));
        Assert.IsNotType<EvmRevertException>(again);
        Assert.NotEqual(0, again.Code);
    }

    [Fact]
    public async Task Eip3009_transfer_with_authorization_settles_through_a_raw_transaction()
    {
        var token = EvmAddress.Parse(anvil.Token);
        var payerKey = RandomKey();
        var payer = EvmAddress.FromPrivateKey(payerKey);
        var payTo = EvmAddress.FromPrivateKey(RandomKey());
        var relayer = DevAccounts.Account5;
        await anvil.Anvil.MintAsync(anvil.Token, payer.ToString(), 1_000_000);

        var name = Erc20Calls.DecodeString(await client.CallAsync(new CallRequest { To = token, Data = Erc20Calls.Name() }, Timeout));
        var version = Erc20Calls.DecodeString(await client.CallAsync(new CallRequest { To = token, Data = Erc20Calls.Version() }, Timeout));
        var domain = Eip712Domain.ForToken(name, version, anvil.Anvil.ChainId, token);
        Assert.Equal(("USDC", "2"), (name, version));
        Assert.Equal(domain.Separator(), Erc20Calls.DecodeBytes32(await client.CallAsync(new CallRequest { To = token, Data = Erc20Calls.DomainSeparator() }, Timeout)));

        var now = (await client.GetBlockByNumberAsync(BlockTag.Latest, Timeout))!.Timestamp;
        var authorization = new TransferWithAuthorization(payer, payTo, 10_000, now - 600, now + 600, RandomNumberGenerator.GetBytes(32));
        var calldata = Eip3009Calls.TransferWithAuthorization(authorization, authorization.Sign(domain, payerKey));
        var call = new CallRequest { From = Account(relayer), To = token, Data = calldata };

        await client.CallAsync(call, Timeout);
        var receipt = await SendAsync(relayer, token, calldata, await client.EstimateGasAsync(call, Timeout) * 12 / 10);

        Assert.True(receipt.Succeeded);
        Assert.Equal(2, receipt.Logs.Count);
        Assert.Equal("98de503528ee59b575ef0c0a2576a82497bfc029a5685b209e9ec333479b10a5", Hex.Encode(receipt.Logs[0].Topics[0]));
        Assert.Equal("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Hex.Encode(receipt.Logs[1].Topics[0]));
        Assert.Equal(new BigInteger(10_000), Erc20Calls.DecodeUInt256(await client.CallAsync(new CallRequest { To = token, Data = Erc20Calls.BalanceOf(payTo) }, Timeout)));
        Assert.True(Eip3009Calls.DecodeAuthorizationState(await client.CallAsync(new CallRequest { To = token, Data = Eip3009Calls.AuthorizationState(payer, authorization.Nonce) }, Timeout)));

        var replay = await Assert.ThrowsAsync<EvmRevertException>(() => client.CallAsync(call, Timeout));
        Assert.Equal(RevertKind.Error, replay.Reason.Kind);
        Assert.Contains("authorization is used or canceled", replay.ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reverts_of_call_and_estimate_gas_carry_the_reason()
    {
        var token = EvmAddress.Parse(anvil.Token);
        var payerKey = RandomKey();
        var payer = EvmAddress.FromPrivateKey(payerKey);
        var domain = Eip712Domain.ForToken("USDC", "2", anvil.Anvil.ChainId, token);
        var expired = new TransferWithAuthorization(payer, Account(DevAccounts.Account6), 1, 0, 1, RandomNumberGenerator.GetBytes(32));
        var call = new CallRequest { From = Account(DevAccounts.Account6), To = token, Data = Eip3009Calls.TransferWithAuthorization(expired, expired.Sign(domain, payerKey).ToBytes()) };

        var viaCall = await Assert.ThrowsAsync<EvmRevertException>(() => client.CallAsync(call, Timeout));
        var viaEstimate = await Assert.ThrowsAsync<EvmRevertException>(() => client.EstimateGasAsync(call, Timeout));

        Assert.Equal("FiatTokenV2: authorization is expired", viaCall.Reason.Message);
        Assert.Equal("FiatTokenV2: authorization is expired", viaEstimate.ReasonText);
        Assert.StartsWith("08c379a0", Hex.Encode(viaCall.RevertData), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_methods_are_json_rpc_errors()
    {
        var exception = await Assert.ThrowsAsync<JsonRpcException>(() => client.SendAsync("eth_noSuchMethod", [], Timeout));

        Assert.Equal(-32601, exception.Code);
    }

    [Fact]
    public async Task Dev_chain_helpers_set_balance_and_code_and_mine()
    {
        var account = EvmAddress.FromPrivateKey(RandomKey());
        var before = await client.GetBlockNumberAsync(Timeout);

        await client.SetBalanceAsync(account, 42, Timeout);
        await client.SetCodeAsync(account, new byte[] { 0x60, 0x00, 0x60, 0x00, 0xf3 }, Timeout);
        await client.MineAsync(Timeout);

        Assert.Equal(new BigInteger(42), await client.GetBalanceAsync(account, BlockTag.Latest, Timeout));
        Assert.Equal("60006000f3", Hex.Encode(await client.GetCodeAsync(account, BlockTag.Latest, Timeout)));
        Assert.Equal(before + 1, await client.GetBlockNumberAsync(Timeout));
    }

    public void Dispose()
    {
        http.Dispose();
        timeout.Dispose();
    }

    private async Task<TransactionReceipt> SendAsync(DevAccount sender, EvmAddress to, byte[] data, BigInteger gasLimit)
    {
        var fees = await client.EstimateFeesAsync(cancellationToken: Timeout);
        var signed = new Eip1559Transaction
        {
            ChainId = anvil.Anvil.ChainId,
            Nonce = await client.GetTransactionCountAsync(Account(sender), BlockTag.Pending, Timeout),
            MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
            MaxFeePerGas = fees.MaxFeePerGas,
            GasLimit = gasLimit,
            To = to,
            Data = data,
        }.Sign(Hex.Decode(sender.PrivateKey));
        return await client.WaitForReceiptAsync(await client.SendRawTransactionAsync(signed.Raw, Timeout), TimeSpan.FromMilliseconds(50), Timeout);
    }

    private static EvmAddress Account(DevAccount account) => EvmAddress.Parse(account.Address);

    private static byte[] RandomKey()
    {
        while (true)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            if (Secp256k1.IsValidPrivateKey(key))
            {
                return key;
            }
        }
    }
}
