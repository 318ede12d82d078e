using System.Numerics;
using DualRail.Crypto;
using DualRail.Evm.Eip3009;
using DualRail.Evm.Eip712;

namespace DualRail.Evm.Tests;

/// <summary>EIP-3009 type hashes, digests and signatures from reference/evm.md §2-4.</summary>
public sealed class Eip3009Tests
{
    private static readonly byte[] AnvilKey0 = Hex.Decode("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    private static readonly Eip712Domain BaseSepoliaUsdc =
        Eip712Domain.ForToken("USDC", "2", 84532, EvmAddress.Parse("0x036CbD53842c5426634e7929541eC2318f3dCF7e"));

    private static readonly TransferWithAuthorization AnvilVector = new(
        EvmAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
        EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
        10000,
        0,
        1900000000,
        Keccak256.Hash("x402-test-nonce-1"u8));

    [Fact]
    public void Type_hashes_match_the_contract_constants()
    {
        Assert.Equal("7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a2267", Hex.Encode(TransferWithAuthorization.TypeHashValue));
        Assert.Equal("d099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de8", Hex.Encode(ReceiveWithAuthorization.TypeHashValue));
        Assert.Equal("158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a1597429", Hex.Encode(CancelAuthorization.TypeHash));
    }

    [Fact]
    public void X402_spec_example_recovers_to_its_payer()
    {
        var authorization = new TransferWithAuthorization(
            EvmAddress.Parse("0x857b06519E91e3A54538791bDbb0E22373e36b66"),
            EvmAddress.Parse("0x209693Bc6afc0C5328bA36FaF03C514EF312287C"),
            10000,
            1740672089,
            1740672154,
            Hex.Decode("0xf3746613c2d920b5fdabc0856f2aeb2d4f88ee6037b8cc5d04a71a4462f13480"));
        var signature = EthSignature.Parse("0x2d6a7588d6acca505cbf0d9a4a227e0c52c6c34008c8e8986a1283259764173608a2ce6496642e377d6da8dbbf5836e9bd15092f9ecab05ded3d6293af148b571c");

        Assert.Equal("f256992871671abcb27ff92885a7afa46218724e5fc0bac35d050115aa1d22e6", Hex.Encode(authorization.Digest(BaseSepoliaUsdc)));
        Assert.Equal(authorization.From, authorization.RecoverSigner(BaseSepoliaUsdc, signature));
        Assert.NotEqual(authorization.From, authorization.RecoverSigner(BaseSepoliaUsdc with { Version = "1" }, signature));
        Assert.NotEqual(authorization.From, (authorization with { Value = 10001 }).RecoverSigner(BaseSepoliaUsdc, signature));
    }

    [Fact]
    public void Anvil_account_zero_signs_the_reference_vector()
    {
        Assert.Equal("76e19628cd30c684f39db55b9611a1a3dfdafcc7354c8b2fbed7cd206d4a0a4e", Hex.Encode(AnvilVector.StructHash()));
        Assert.Equal("3c9e87dd56375d5cf6b5bd200fc080d270a93b79e78bb68206db1aaa0a9eb125", Hex.Encode(AnvilVector.Digest(BaseSepoliaUsdc)));

        var signature = AnvilVector.Sign(BaseSepoliaUsdc, AnvilKey0);

        Assert.Equal("0xcd237990b35e889087614d3c053a39527e96072dcad66993d9f7a2c25dc84c347cfc0d35bfb5f0ab3ace17d5ce542fb039fd8fb6085836ad867f9e8e5721af301c", signature.ToHex());
        Assert.Equal(AnvilVector.From, AnvilVector.RecoverSigner(BaseSepoliaUsdc, signature));
    }

    [Fact]
    public void The_general_encoder_agrees_with_the_fixed_struct_hash()
    {
        var typed = AnvilVector.ToTypedData(BaseSepoliaUsdc);

        Assert.Equal(TransferWithAuthorization.TypeString, typed.EncodeType());
        Assert.Equal(AnvilVector.StructHash(), typed.HashStruct());
        Assert.Equal(AnvilVector.Digest(BaseSepoliaUsdc), typed.Digest());

        var receive = new ReceiveWithAuthorization(AnvilVector.From, AnvilVector.To, AnvilVector.Value, AnvilVector.ValidAfter, AnvilVector.ValidBefore, AnvilVector.Nonce);
        Assert.Equal(ReceiveWithAuthorization.TypeString, receive.ToTypedData(BaseSepoliaUsdc).EncodeType());
        Assert.Equal(receive.ToTypedData(BaseSepoliaUsdc).HashStruct(), receive.StructHash());
        Assert.NotEqual(AnvilVector.StructHash(), receive.StructHash());
    }

    [Fact]
    public void Cancel_authorization_signs_and_recovers()
    {
        var cancel = new CancelAuthorization(AnvilVector.From, AnvilVector.Nonce);

        var signature = cancel.Sign(BaseSepoliaUsdc, AnvilKey0);

        Assert.Equal(
            Hex.Encode(Keccak256.Hash([.. CancelAuthorization.TypeHash, .. new byte[12], .. AnvilVector.From.ToArray(), .. AnvilVector.Nonce])),
            Hex.Encode(cancel.StructHash()));
        Assert.Equal(cancel.Authorizer, cancel.RecoverSigner(BaseSepoliaUsdc, signature));
    }

    [Fact]
    public void Records_compare_nonces_by_value()
    {
        var copy = AnvilVector with { Nonce = (byte[])AnvilVector.Nonce.Clone() };

        Assert.Equal(AnvilVector, copy);
        Assert.Equal(AnvilVector.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual<Eip3009Authorization>(AnvilVector, new ReceiveWithAuthorization(AnvilVector.From, AnvilVector.To, AnvilVector.Value, AnvilVector.ValidAfter, AnvilVector.ValidBefore, AnvilVector.Nonce));
    }

    [Fact]
    public void Bad_nonce_lengths_and_out_of_range_numbers_are_refused()
    {
        Assert.Throws<FormatException>(() => (AnvilVector with { Nonce = new byte[31] }).StructHash());
        Assert.Throws<FormatException>(() => (AnvilVector with { Value = -1 }).StructHash());
        Assert.Throws<FormatException>(() => (AnvilVector with { ValidBefore = BigInteger.One << 256 }).StructHash());
        Assert.Throws<FormatException>(() => new CancelAuthorization(AnvilVector.From, new byte[33]).StructHash());
    }
}
