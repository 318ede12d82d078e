using System.Numerics;
using System.Text.Json.Nodes;
using DualRail.Crypto;
using DualRail.Evm.Eip712;
using DualRail.TestSupport;

namespace DualRail.Evm.Tests;

/// <summary>
/// Anvil's eth_signTypedData_v4 (alloy's EIP-712 implementation) as an independent oracle for the
/// general encoder: nested structs, arrays of structs, fixed and nested arrays, every atomic type.
/// </summary>
public sealed class Eip712AnvilOracleTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly DevAccount Signer = DevAccounts.Account0;

    [Fact]
    public async Task Complex_typed_data_signs_like_anvil()
    {
        var data = new TypedData
        {
            Domain = new Eip712Domain
            {
                Name = "DualRail Oracle",
                Version = "7",
                ChainId = anvil.Anvil.ChainId,
                VerifyingContract = EvmAddress.Parse("0x036CbD53842c5426634e7929541eC2318f3dCF7e"),
                Salt = Keccak256.Hash("salt"u8),
            },
            Types = new Dictionary<string, IReadOnlyList<TypedDataField>>
            {
                ["Order"] =
                [
                    new("maker", "Party"),
                    new("takers", "Party[]"),
                    new("legs", "Leg[2]"),
                    new("grid", "uint16[][]"),
                    new("tags", "string[]"),
                    new("blobs", "bytes[]"),
                    new("memo", "bytes"),
                    new("flag", "bool"),
                    new("delta", "int64"),
                    new("big", "int256"),
                    new("tiny", "uint8"),
                    new("huge", "uint256"),
                    new("code", "bytes4"),
                    new("hash", "bytes32"),
                    new("one", "bytes1"),
                ],
                ["Party"] = [new("wallet", "address"), new("name", "string")],
                ["Leg"] = [new("asset", "address"), new("amount", "uint128"), new("side", "int8")],
            },
            PrimaryType = "Order",
            Message = new Dictionary<string, object?>
            {
                ["maker"] = Party("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", "Cow"),
                ["takers"] = new[] { Party("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB", "Bob"), Party("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "Ünïcödé ✓") },
                ["legs"] = new[] { Leg("0x036CbD53842c5426634e7929541eC2318f3dCF7e", BigInteger.Parse("340282366920938463463374607431768211455"), -128), Leg("0x0000000000000000000000000000000000000001", 0, 127) },
                ["grid"] = new[] { new[] { 1, 2, 3 }, Array.Empty<int>(), new[] { 65535 } },
                ["tags"] = new[] { "", "x402", "lightning" },
                ["blobs"] = new[] { "0x", "0x00ff" },
                ["memo"] = "0xdeadbeef",
                ["flag"] = true,
                ["delta"] = -9_000_000_000_000L,
                ["big"] = -(BigInteger.One << 255),
                ["tiny"] = 255,
                ["huge"] = (BigInteger.One << 256) - 1,
                ["code"] = "0x1626ba7e",
                ["hash"] = Keccak256.Hash("hash"u8),
                ["one"] = "0x19",
            },
        };

        await AssertSameSignatureAsAnvil(data);
    }

    [Fact]
    public async Task Empty_arrays_and_a_domain_with_only_a_name_sign_like_anvil()
    {
        var data = new TypedData
        {
            Domain = new Eip712Domain { Name = "Minimal" },
            Types = new Dictionary<string, IReadOnlyList<TypedDataField>>
            {
                ["Batch"] = [new("items", "Item[]"), new("ids", "uint256[]"), new("owner", "address")],
                ["Item"] = [new("id", "uint256")],
            },
            PrimaryType = "Batch",
            Message = new Dictionary<string, object?> { ["items"] = Array.Empty<object>(), ["ids"] = Array.Empty<int>(), ["owner"] = EvmAddress.Zero },
        };

        await AssertSameSignatureAsAnvil(data);
    }

    private async Task AssertSameSignatureAsAnvil(TypedData data)
    {
        var json = data.ToJson();
        var anvilSignature = await anvil.Anvil.Rpc.SignTypedDataAsync(Signer.Address, json);

        var ours = data.Sign(Hex.Decode(Signer.PrivateKey));

        Assert.Equal(anvilSignature, ours.ToHex());
        Assert.Equal(Hex.Encode(data.Digest()), Hex.Encode(TypedData.Parse(json.ToJsonString()).Digest()));
        Assert.Equal(EvmAddress.Parse(Signer.Address), data.RecoverSigner(EthSignature.Parse(anvilSignature)));
    }

    private static Dictionary<string, object?> Party(string wallet, string name) => new() { ["wallet"] = wallet, ["name"] = name };

    private static Dictionary<string, object?> Leg(string asset, BigInteger amount, int side) => new() { ["asset"] = asset, ["amount"] = amount, ["side"] = side };
}
