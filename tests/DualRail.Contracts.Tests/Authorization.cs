using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DualRail.TestSupport;

namespace DualRail.Contracts.Tests;

/// <summary>An EIP-3009 authorization as the tests build it; signed by Anvil's eth_signTypedData_v4.</summary>
internal sealed record Authorization(string From, string To, BigInteger Value, BigInteger ValidAfter, BigInteger ValidBefore, string Nonce)
{
    public static string NewNonce() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public JsonNode TypedData(string primaryType, long chainId, string token, string name = "USDC", string version = "2") => new JsonObject
    {
        ["types"] = new JsonObject
        {
            ["EIP712Domain"] = Fields(("name", "string"), ("version", "string"), ("chainId", "uint256"), ("verifyingContract", "address")),
            [primaryType] = Fields(("from", "address"), ("to", "address"), ("value", "uint256"), ("validAfter", "uint256"), ("validBefore", "uint256"), ("nonce", "bytes32")),
        },
        ["primaryType"] = primaryType,
        ["domain"] = new JsonObject { ["name"] = name, ["version"] = version, ["chainId"] = chainId, ["verifyingContract"] = token },
        ["message"] = new JsonObject
        {
            ["from"] = From,
            ["to"] = To,
            ["value"] = Value.ToString(),
            ["validAfter"] = ValidAfter.ToString(),
            ["validBefore"] = ValidBefore.ToString(),
            ["nonce"] = Nonce,
        },
    };

    /// <summary>ABI arguments shared by every transfer/receive overload: from, to, value, validAfter, validBefore, nonce.</summary>
    public object[] Words() =>
        [TestAbi.Address(From), TestAbi.Address(To), TestAbi.Uint(Value), TestAbi.Uint(ValidAfter), TestAbi.Uint(ValidBefore), TestAbi.Bytes32(Nonce)];

    private static JsonArray Fields(params (string Name, string Type)[] fields) =>
        new([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type })]);
}
