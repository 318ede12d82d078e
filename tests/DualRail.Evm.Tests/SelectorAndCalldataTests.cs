using DualRail.Crypto;
using DualRail.Evm.Abi;
using DualRail.Evm.Eip3009;

namespace DualRail.Evm.Tests;

/// <summary>Function selectors (reference/evm.md §2) and the calldata layout of the facilitator's calls.</summary>
public sealed class SelectorAndCalldataTests
{
    [Theory]
    [InlineData("e3ee160e", "transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)")]
    [InlineData("cf092995", "transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)")]
    [InlineData("ef55bec6", "receiveWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)")]
    [InlineData("88b7ab63", "receiveWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)")]
    [InlineData("5a049a70", "cancelAuthorization(address,bytes32,uint8,bytes32,bytes32)")]
    [InlineData("b7b72899", "cancelAuthorization(address,bytes32,bytes)")]
    [InlineData("e94a0102", "authorizationState(address,bytes32)")]
    [InlineData("70a08231", "balanceOf(address)")]
    [InlineData("06fdde03", "name()")]
    [InlineData("54fd4d50", "version()")]
    [InlineData("313ce567", "decimals()")]
    [InlineData("3644e515", "DOMAIN_SEPARATOR()")]
    [InlineData("1626ba7e", "isValidSignature(bytes32,bytes)")]
    [InlineData("08c379a0", "Error(string)")]
    [InlineData("4e487b71", "Panic(uint256)")]
    [InlineData("a9059cbb", "transfer(address,uint256)")]
    public void Selectors_match_the_reference(string expected, string signature) =>
        Assert.Equal(expected, Hex.Encode(FunctionSelector.Compute(signature)));

    [Fact]
    public void Exposed_selector_constants_match_the_reference()
    {
        Assert.Equal("e3ee160e", Hex.Encode(Eip3009Calls.TransferWithAuthorizationVrsSelector));
        Assert.Equal("cf092995", Hex.Encode(Eip3009Calls.TransferWithAuthorizationBytesSelector));
        Assert.Equal("ef55bec6", Hex.Encode(Eip3009Calls.ReceiveWithAuthorizationVrsSelector));
        Assert.Equal("88b7ab63", Hex.Encode(Eip3009Calls.ReceiveWithAuthorizationBytesSelector));
        Assert.Equal("5a049a70", Hex.Encode(Eip3009Calls.CancelAuthorizationVrsSelector));
        Assert.Equal("b7b72899", Hex.Encode(Eip3009Calls.CancelAuthorizationBytesSelector));
        Assert.Equal("e94a0102", Hex.Encode(Eip3009Calls.AuthorizationStateSelector));
        Assert.Equal("70a08231", Hex.Encode(Erc20Calls.BalanceOfSelector));
        Assert.Equal("06fdde03", Hex.Encode(Erc20Calls.Name()));
        Assert.Equal("54fd4d50", Hex.Encode(Erc20Calls.Version()));
        Assert.Equal("1626ba7e", Hex.Encode(Erc1271Calls.IsValidSignatureSelector));
    }

    [Fact]
    public void Vrs_overload_is_the_selector_and_nine_words()
    {
        var (authorization, signature) = ReferenceAuthorization();

        var calldata = Eip3009Calls.TransferWithAuthorization(authorization, signature);

        var expected =
            "e3ee160e" +
            "000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266" +
            "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8" +
            "0000000000000000000000000000000000000000000000000000000000002710" +
            "0000000000000000000000000000000000000000000000000000000000000000" +
            "00000000000000000000000000000000000000000000000000000000713fb300" +
            "5a02cfd560dd94c52badc9b1fea9ec5194a135a5681fed3a943a5e87d733f710" +
            "000000000000000000000000000000000000000000000000000000000000001c" +
            "cd237990b35e889087614d3c053a39527e96072dcad66993d9f7a2c25dc84c34" +
            "7cfc0d35bfb5f0ab3ace17d5ce542fb039fd8fb6085836ad867f9e8e5721af30";
        Assert.Equal(expected, Hex.Encode(calldata));
    }

    [Fact]
    public void Bytes_overload_has_offset_0xe0_length_0x41_and_padding()
    {
        var (authorization, signature) = ReferenceAuthorization();

        var calldata = Eip3009Calls.TransferWithAuthorization(authorization, signature.ToBytes());

        Assert.Equal(4 + 32 * 6 + 32 + 32 + 96, calldata.Length);
        Assert.Equal("cf092995", Hex.Encode(calldata.AsSpan(0, 4)));
        Assert.Equal(Hex.Encode(Eip3009Calls.TransferWithAuthorization(authorization, signature).AsSpan(4, 192)), Hex.Encode(calldata.AsSpan(4, 192)));
        Assert.Equal(new string('0', 62) + "e0", Hex.Encode(calldata.AsSpan(4 + 192, 32)));
        Assert.Equal(new string('0', 62) + "41", Hex.Encode(calldata.AsSpan(4 + 224, 32)));
        Assert.Equal(signature.ToHex()[2..] + new string('0', 62), Hex.Encode(calldata.AsSpan(4 + 256, 96)));
    }

    [Fact]
    public void View_calls_and_erc1271()
    {
        var owner = EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var nonce = Keccak256.Hash("n"u8);

        Assert.Equal("70a08231" + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8", Hex.Encode(Erc20Calls.BalanceOf(owner)));
        Assert.Equal("e94a0102" + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8" + Hex.Encode(nonce), Hex.Encode(Eip3009Calls.AuthorizationState(owner, nonce)));

        var isValid = Erc1271Calls.IsValidSignature(nonce, [1, 2, 3]);
        Assert.Equal("1626ba7e" + Hex.Encode(nonce) + new string('0', 62) + "40" + new string('0', 62) + "03" + "010203" + new string('0', 58), Hex.Encode(isValid));
        Assert.True(Erc1271Calls.IsMagicValue(Hex.Decode("1626ba7e" + new string('0', 56))));
        Assert.False(Erc1271Calls.IsMagicValue(Hex.Decode("1626ba7e" + new string('0', 55) + "1")));
        Assert.False(Erc1271Calls.IsMagicValue([]));
        Assert.False(Erc1271Calls.IsMagicValue(Hex.Decode("ffffffff" + new string('0', 56))));
    }

    [Fact]
    public void Decodes_view_results()
    {
        // name() of the token on Anvil returned exactly this (reference/evm.md §2).
        var name = Hex.Decode(
            "0000000000000000000000000000000000000000000000000000000000000020" +
            "0000000000000000000000000000000000000000000000000000000000000004" +
            "5553444300000000000000000000000000000000000000000000000000000000");

        Assert.Equal("USDC", Erc20Calls.DecodeString(name));
        Assert.Equal(10000, (int)Erc20Calls.DecodeUInt256(Hex.Decode(new string('0', 60) + "2710")));
        Assert.True(Eip3009Calls.DecodeAuthorizationState(Hex.Decode(new string('0', 63) + "1")));
        Assert.False(Eip3009Calls.DecodeAuthorizationState(new byte[32]));
        Assert.Throws<FormatException>(() => Eip3009Calls.DecodeAuthorizationState([]));
        Assert.Throws<FormatException>(() => Eip3009Calls.DecodeAuthorizationState(Hex.Decode(new string('0', 63) + "2")));
        Assert.Throws<FormatException>(() => Erc20Calls.DecodeUInt256([]));
        Assert.Throws<FormatException>(() => Erc20Calls.DecodeString(name.AsSpan(0, 66)));
    }

    private static (TransferWithAuthorization Authorization, EthSignature Signature) ReferenceAuthorization() =>
    (
        new TransferWithAuthorization(
            EvmAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
            EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
            10000,
            0,
            1900000000,
            Keccak256.Hash("x402-test-nonce-1"u8)),
        EthSignature.Parse("0xcd237990b35e889087614d3c053a39527e96072dcad66993d9f7a2c25dc84c347cfc0d35bfb5f0ab3ace17d5ce542fb039fd8fb6085836ad867f9e8e5721af301c")
    );
}
