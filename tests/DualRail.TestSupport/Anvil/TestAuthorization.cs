using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace DualRail.TestSupport;

/// <summary>
/// An EIP-3009 authorization as tests build it, with its EIP-712 typed data for Anvil's
/// eth_signTypedData_v4 (an independent signer: a good oracle for our own EIP-712 code).
/// </summary>
public sealed record TestAuthorization(string From, string To, BigInteger Value, BigInteger ValidAfter, BigInteger ValidBefore, string Nonce)
{
    public const string TransferWithAuthorization = "TransferWithAuthorization";
    public const string ReceiveWithAuthorization = "ReceiveWithAuthorization";

    public static string NewNonce() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The x402 <c>payload.authorization</c> object (decimal strings, hex nonce).</summary>
    public JsonObject ToX402Json() => new()
    {
        ["from"] = From,
        ["to"] = To,
        ["value"] = Value.ToString(),
        ["validAfter"] = ValidAfter.ToString(),
        ["validBefore"] = ValidBefore.ToString(),
        ["nonce"] = Nonce,
    };

    /// <summary>Signs with Anvil's eth_signTypedData_v4 as the (unlocked) dev account <paramref name="signer"/>.</summary>
    public async Task<TestSignature> SignAsync(AnvilRpc rpc, string signer, long chainId, string token, string name = "USDC", string version = "2", string primaryType = TransferWithAuthorization) =>
        new(await rpc.SignTypedDataAsync(signer, TypedData(primaryType, chainId, token, name, version)));

    public JsonNode TypedData(string primaryType, long chainId, string token, string name = "USDC", string version = "2") => new JsonObject
    {
        ["types"] = new JsonObject
        {
            ["EIP712Domain"] = Fields(("name", "string"), ("version", "string"), ("chainId", "uint256"), ("verifyingContract", "address")),
            [primaryType] = Fields(("from", "address"), ("to", "address"), ("value", "uint256"), ("validAfter", "uint256"), ("validBefore", "uint256"), ("nonce", "bytes32")),
        },
        ["primaryType"] = primaryType,
        ["domain"] = new JsonObject { ["name"] = name, ["version"] = version, ["chainId"] = chainId, ["verifyingContract"] = token },
        ["message"] = ToX402Json(),
    };

    /// <summary>ABI arguments shared by every transfer/receive overload: from, to, value, validAfter, validBefore, nonce.</summary>
    public object[] Words() =>
        [TestAbi.Address(From), TestAbi.Address(To), TestAbi.Uint(Value), TestAbi.Uint(ValidAfter), TestAbi.Uint(ValidBefore), TestAbi.Bytes32(Nonce)];

    private static JsonArray Fields(params (string Name, string Type)[] fields) =>
        new([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type })]);
}
