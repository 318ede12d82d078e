using System.Numerics;
using DualRail.TestSupport;

namespace DualRail.Contracts.Tests;

/// <summary>Calls and assertions shared by the token tests.</summary>
public abstract class TokenTestBase(AnvilFixture fixture)
{
    protected const string TransferType = "TransferWithAuthorization";
    protected const string ReceiveType = "ReceiveWithAuthorization";

    protected static readonly ContractArtifact TokenAbi = ContractArtifact.Token;

    protected AnvilProcess Anvil => fixture.Anvil;

    protected string Token => fixture.BaseSepoliaToken;

    /// <summary>The same token code at another address (a normal deployment).</summary>
    protected string OtherToken => fixture.Token;

    internal async Task<TestAuthorization> NewAuthorizationAsync(DevAccount from, string to, BigInteger value)
    {
        var now = await Anvil.Rpc.LatestBlockTimestampAsync();
        return new TestAuthorization(from.Address, to, value, 0, now + 3600, TestAuthorization.NewNonce());
    }

    internal async Task<TestSignature> SignAsync(DevAccount signer, TestAuthorization authorization, string primaryType = TransferType, string? token = null) =>
        new(await Anvil.Rpc.SignTypedDataAsync(signer.Address, authorization.TypedData(primaryType, Anvil.ChainId, token ?? Token)));

    internal static string TransferVrs(TestAuthorization a, TestSignature s) =>
        TestAbi.Call(TokenAbi.Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)"), [.. a.Words(), .. s.VrsWords()]);

    internal static string TransferBytes(TestAuthorization a, string signatureHex) =>
        TestAbi.Call(TokenAbi.Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)"), [.. a.Words(), TestAbi.Bytes(signatureHex)]);

    internal static string ReceiveVrs(TestAuthorization a, TestSignature s) =>
        TestAbi.Call(TokenAbi.Selector("receiveWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)"), [.. a.Words(), .. s.VrsWords()]);

    /// <summary>Sends a transaction that must succeed and returns its receipt.</summary>
    protected async Task<System.Text.Json.JsonElement> SendAsync(DevAccount sender, string data, string? to = null)
    {
        var receipt = await Anvil.Rpc.SendTransactionAsync(sender.Address, to ?? Token, data);
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        return receipt;
    }

    /// <summary>Simulates the call and returns the Error(string) reason it reverts with.</summary>
    protected async Task<string> RevertReasonAsync(DevAccount sender, string data, string? to = null)
    {
        var error = await Assert.ThrowsAsync<AnvilRpcException>(() => Anvil.Rpc.EthCallAsync(to ?? Token, data, sender.Address));
        Assert.NotNull(error.RevertData);
        Assert.StartsWith("0x08c379a0", error.RevertData);
        return TestAbi.DecodeString(error.RevertData[10..]);
    }

    protected async Task<string> CallStringAsync(string token, string signature) =>
        TestAbi.DecodeString(await Anvil.Rpc.EthCallAsync(token, TestAbi.Call(TokenAbi.Selector(signature))));

    protected async Task<BigInteger> CallUintAsync(string token, string signature, params object[] arguments) =>
        TestAbi.DecodeUint(await Anvil.Rpc.EthCallAsync(token, TestAbi.Call(TokenAbi.Selector(signature), arguments)));
}
