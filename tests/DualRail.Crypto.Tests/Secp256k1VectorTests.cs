using System.Text;

namespace DualRail.Crypto.Tests;

/// <summary>Known signatures from reference/evm.md, checked on every available backend.</summary>
public sealed class Secp256k1VectorTests
{
    public static TheoryData<string> BackendNames => Backends.Available();

    public static TheoryData<string, string, string, string, int> Signatures => new()
    {
        // EIP-712 "Mail" example: key keccak256("cow"), v = 28.
        {
            "c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4",
            "be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2",
            "4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d",
            "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562",
            1
        },
        // EIP-155 example transaction: key 0x46 × 32, v = 37 on chain 1.
        {
            "4646464646464646464646464646464646464646464646464646464646464646",
            "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53",
            "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276",
            "67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            0
        },
        // EIP-3009 TransferWithAuthorization signed by anvil account #0 (matches anvil's eth_signTypedData_v4).
        {
            "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
            "3c9e87dd56375d5cf6b5bd200fc080d270a93b79e78bb68206db1aaa0a9eb125",
            "cd237990b35e889087614d3c053a39527e96072dcad66993d9f7a2c25dc84c34",
            "7cfc0d35bfb5f0ab3ace17d5ce542fb039fd8fb6085836ad867f9e8e5721af30",
            1
        },
    };

    [Theory]
    [MemberData(nameof(BackendNames))]
    public void Anvil_account_zero_has_the_known_address(string backend)
    {
        var publicKey = Backends.Get(backend).GetPublicKey(Hex.Decode("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"), compressed: false);

        Assert.Equal(65, publicKey.Length);
        Assert.Equal(0x04, publicKey[0]);
        Assert.Equal("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", AddressOf(publicKey));
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public void Generator_is_the_public_key_of_one(string backend)
    {
        var one = new byte[32];
        one[31] = 1;

        var publicKey = Backends.Get(backend).GetPublicKey(one, compressed: true);

        Assert.Equal("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", Hex.Encode(publicKey));
    }

    [Fact]
    public void Signatures_are_rfc6979_and_low_s_on_every_backend()
    {
        foreach (var backend in Backends.AvailableNames())
        {
            foreach (var row in Signatures)
            {
                var (key, hash, r, s, recoveryId) = ((string)row[0], (string)row[1], (string)row[2], (string)row[3], (int)row[4]);
                var signature = Backends.Get(backend).Sign(Hex.Decode(hash), Hex.Decode(key));

                Assert.Equal(r, Hex.Encode(signature.R));
                Assert.Equal(s, Hex.Encode(signature.S));
                Assert.Equal(recoveryId, signature.RecoveryId);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Facade_signs_and_recovers_the_known_vectors(string key, string hash, string r, string s, int recoveryId)
    {
        var signature = Secp256k1.Sign(Hex.Decode(hash), Hex.Decode(key));
        Assert.Equal(new RecoverableSignature(Hex.Decode(r), Hex.Decode(s), recoveryId), signature);

        var recovered = Secp256k1.RecoverPublicKey(Hex.Decode(hash), Hex.Decode(r + s), recoveryId, compressed: false);
        Assert.Equal(Secp256k1.GetPublicKey(Hex.Decode(key), compressed: false), recovered);
        Assert.True(Secp256k1.Verify(Hex.Decode(hash), signature.ToCompact(), Secp256k1.GetPublicKey(Hex.Decode(key))));
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public void X402_spec_signature_recovers_to_its_payer(string backend)
    {
        var digest = Hex.Decode("f256992871671abcb27ff92885a7afa46218724e5fc0bac35d050115aa1d22e6");
        var compact = Hex.Decode("2d6a7588d6acca505cbf0d9a4a227e0c52c6c34008c8e8986a1283259764173608a2ce6496642e377d6da8dbbf5836e9bd15092f9ecab05ded3d6293af148b57");

        var publicKey = Backends.Get(backend).RecoverPublicKey(digest, compact, recoveryId: 1, compressed: false);

        Assert.NotNull(publicKey);
        Assert.Equal("857b06519e91e3a54538791bdbb0e22373e36b66", AddressOf(publicKey));
        Assert.True(Backends.Get(backend).Verify(digest, compact, publicKey));
    }

    [Theory]
    [MemberData(nameof(BackendNames))]
    public void The_other_recovery_id_gives_a_different_key(string backend)
    {
        var digest = Hex.Decode("f256992871671abcb27ff92885a7afa46218724e5fc0bac35d050115aa1d22e6");
        var compact = Hex.Decode("2d6a7588d6acca505cbf0d9a4a227e0c52c6c34008c8e8986a1283259764173608a2ce6496642e377d6da8dbbf5836e9bd15092f9ecab05ded3d6293af148b57");

        var publicKey = Backends.Get(backend).RecoverPublicKey(digest, compact, recoveryId: 0, compressed: false);

        Assert.NotNull(publicKey);
        Assert.NotEqual("857b06519e91e3a54538791bdbb0e22373e36b66", AddressOf(publicKey));
    }

    private static string AddressOf(byte[] uncompressedPublicKey) =>
        Hex.Encode(Keccak256.Hash(uncompressedPublicKey.AsSpan(1)).AsSpan(12));
}
