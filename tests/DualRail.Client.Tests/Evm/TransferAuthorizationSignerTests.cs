using System.Numerics;
using DualRail.Client.Evm;
using DualRail.Crypto;

namespace DualRail.Client.Tests.Evm;

public sealed class TransferAuthorizationSignerTests
{
    // The x402 v2 spec example (reference/evm.md §3): a real signature by 0x857b…6b66 on Base Sepolia USDC.
    private static readonly TransferAuthorization SpecExample = new(
        "0x857b06519E91e3A54538791bDbb0E22373e36b66",
        "0x209693Bc6afc0C5328bA36FaF03C514EF312287C",
        new BigInteger(10000),
        1740672089,
        1740672154,
        Hex.Decode("0xf3746613c2d920b5fdabc0856f2aeb2d4f88ee6037b8cc5d04a71a4462f13480"));

    [Fact]
    public void Digest_matches_the_x402_spec_example()
    {
        var digest = TransferAuthorizationSigner.Digest(SpecExample, "USDC", "2", 84532, "0x036CbD53842c5426634e7929541eC2318f3dCF7e");

        Assert.Equal("f256992871671abcb27ff92885a7afa46218724e5fc0bac35d050115aa1d22e6", Hex.Encode(digest));
    }

    [Fact]
    public void The_spec_signature_recovers_to_its_from_address_over_our_digest()
    {
        var digest = TransferAuthorizationSigner.Digest(SpecExample, "USDC", "2", 84532, "0x036CbD53842c5426634e7929541eC2318f3dCF7e");
        var signature = Hex.Decode("0x2d6a7588d6acca505cbf0d9a4a227e0c52c6c34008c8e8986a1283259764173608a2ce6496642e377d6da8dbbf5836e9bd15092f9ecab05ded3d6293af148b571c");

        var publicKey = Secp256k1.RecoverPublicKey(digest, signature.AsSpan(0, 64), signature[64] - 27, compressed: false)!;

        Assert.Equal("857b06519e91e3a54538791bdbb0e22373e36b66", Hex.Encode(Keccak256.Hash(publicKey.AsSpan(1)).AsSpan(12)));
    }

    [Fact]
    public void Our_signature_recovers_to_the_signer_with_v_27_or_28()
    {
        var key = Hex.Decode("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        var digest = TransferAuthorizationSigner.Digest(SpecExample, "USDC", "2", 84532, "0x036CbD53842c5426634e7929541eC2318f3dCF7e");

        var signature = TransferAuthorizationSigner.Sign(digest, key);

        Assert.Equal(65, signature.Length);
        Assert.InRange(signature[64], 27, 28);
        var recovered = Secp256k1.RecoverPublicKey(digest, signature.AsSpan(0, 64), signature[64] - 27, compressed: false)!;
        Assert.Equal("70997970c51812dc3a010c7d01b50e0d17dc79c8", Hex.Encode(Keccak256.Hash(recovered.AsSpan(1)).AsSpan(12)));
    }
}
