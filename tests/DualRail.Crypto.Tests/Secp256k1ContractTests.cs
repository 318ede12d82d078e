using System.Security.Cryptography;
using DualRail.Crypto.Secp256k1Backends;

namespace DualRail.Crypto.Tests;

/// <summary>The public facade: round trips, range checks and refusal of bad input.</summary>
public sealed class Secp256k1ContractTests
{
    private static readonly byte[] AnvilKey = Hex.Decode("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    [Fact]
    public void Sign_then_recover_round_trips_for_random_keys()
    {
        for (var i = 0; i < 25; i++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            if (!Secp256k1.IsValidPrivateKey(key))
            {
                continue;
            }

            var hash = RandomNumberGenerator.GetBytes(32);
            var signature = Secp256k1.Sign(hash, key);

            Assert.InRange(signature.RecoveryId, 0, 1);
            Assert.True(Secp256k1.IsLowS(signature.S));
            Assert.Equal(Secp256k1.GetPublicKey(key), Secp256k1.RecoverPublicKey(hash, signature.ToCompact(), signature.RecoveryId));
            Assert.True(Secp256k1.Verify(hash, signature.ToCompact(), Secp256k1.GetPublicKey(key, compressed: false)));
        }
    }

    [Fact]
    public void Managed_backend_round_trips_too()
    {
        var backend = BouncyCastleSecp256k1.Instance;
        var hash = RandomNumberGenerator.GetBytes(32);
        var signature = backend.Sign(hash, AnvilKey);

        Assert.True(CurveOrder.IsLowScalar(signature.S));
        Assert.Equal(backend.GetPublicKey(AnvilKey, true), backend.RecoverPublicKey(hash, signature.ToCompact(), signature.RecoveryId, true));
    }

    [Fact]
    public void Verify_refuses_another_hash_another_key_and_a_tampered_signature()
    {
        var hash = RandomNumberGenerator.GetBytes(32);
        var compact = Secp256k1.Sign(hash, AnvilKey).ToCompact();
        var publicKey = Secp256k1.GetPublicKey(AnvilKey);

        var otherHash = (byte[])hash.Clone();
        otherHash[0] ^= 0x80;
        var tampered = (byte[])compact.Clone();
        tampered[40] ^= 0x01;
        var otherKey = Secp256k1.GetPublicKey(Hex.Decode("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"));

        Assert.True(Secp256k1.Verify(hash, compact, publicKey));
        Assert.False(Secp256k1.Verify(otherHash, compact, publicKey));
        Assert.False(Secp256k1.Verify(hash, tampered, publicKey));
        Assert.False(Secp256k1.Verify(hash, compact, otherKey));
        Assert.False(Secp256k1.Verify(hash, compact, publicKey.AsSpan(0, 32)));
        Assert.False(Secp256k1.Verify(hash, compact, []));
    }

    [Fact]
    public void Recover_answers_null_for_out_of_range_r_or_s()
    {
        var hash = RandomNumberGenerator.GetBytes(32);
        var compact = Secp256k1.Sign(hash, AnvilKey).ToCompact();

        Assert.Null(Secp256k1.RecoverPublicKey(hash, new byte[64], 0));
        Assert.Null(Secp256k1.RecoverPublicKey(hash, [.. compact[..32], .. CurveOrder.N], 0));
        Assert.Null(Secp256k1.RecoverPublicKey(hash, [.. CurveOrder.N, .. compact[32..]], 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Bad_lengths_are_refused(int length)
    {
        var wrong = new byte[length];
        var hash = new byte[32];
        var compact = new byte[64];

        Assert.Throws<ArgumentException>(() => Secp256k1.Sign(wrong, AnvilKey));
        Assert.Throws<ArgumentException>(() => Secp256k1.Sign(hash, wrong));
        Assert.Throws<ArgumentException>(() => Secp256k1.GetPublicKey(wrong));
        Assert.Throws<ArgumentException>(() => Secp256k1.RecoverPublicKey(wrong, compact, 0));
        Assert.Throws<ArgumentException>(() => Secp256k1.RecoverPublicKey(hash, new byte[length + 65], 0));
        Assert.Throws<ArgumentException>(() => Secp256k1.Verify(wrong, compact, new byte[33]));
        Assert.Throws<ArgumentException>(() => Secp256k1.Verify(hash, new byte[length == 64 ? 65 : length], new byte[33]));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Recovery_id_outside_0_to_3_is_refused(int recoveryId) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Secp256k1.RecoverPublicKey(new byte[32], new byte[64], recoveryId));

    [Fact]
    public void Invalid_private_keys_are_refused_without_echoing_them()
    {
        var order = CurveOrder.N.ToArray();
        byte[][] keys = [new byte[32], order, [.. Enumerable.Repeat((byte)0xff, 32)]];

        foreach (var key in keys)
        {
            Assert.False(Secp256k1.IsValidPrivateKey(key));
            var exception = Assert.Throws<ArgumentException>(() => Secp256k1.GetPublicKey(key));
            Assert.DoesNotContain(Hex.Encode(key), exception.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Throws<ArgumentException>(() => Secp256k1.Sign(new byte[32], key));
        }

        var secret = Hex.Encode(AnvilKey);
        var tooLong = Assert.Throws<ArgumentException>(() => Secp256k1.GetPublicKey([.. AnvilKey, 0x01]));
        Assert.DoesNotContain(secret, tooLong.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Public_keys_convert_between_compressed_and_uncompressed()
    {
        var compressed = Secp256k1.GetPublicKey(AnvilKey, compressed: true);
        var uncompressed = Secp256k1.GetPublicKey(AnvilKey, compressed: false);

        Assert.Equal(uncompressed, Secp256k1.ConvertPublicKey(compressed, compressed: false));
        Assert.Equal(compressed, Secp256k1.ConvertPublicKey(uncompressed, compressed: true));
        Assert.Null(Secp256k1.ConvertPublicKey(compressed.AsSpan(1), compressed: true));
        Assert.Null(Secp256k1.ConvertPublicKey([0x02, .. Enumerable.Repeat((byte)0xff, 32)], compressed: false));
    }

    [Fact]
    public void Low_s_boundary_is_n_over_2()
    {
        var halfN = CurveOrder.HalfN.ToArray();
        var aboveHalfN = (byte[])halfN.Clone();
        aboveHalfN[31]++;

        Assert.True(Secp256k1.IsLowS(halfN));
        Assert.False(Secp256k1.IsLowS(aboveHalfN));
        Assert.False(Secp256k1.IsLowS(new byte[32]));
        Assert.False(Secp256k1.IsLowS(halfN.AsSpan(1)));
    }

    [Fact]
    public void Compact_form_is_r_then_s()
    {
        var signature = new RecoverableSignature(Enumerable.Repeat((byte)1, 32).ToArray(), Enumerable.Repeat((byte)2, 32).ToArray(), 1);

        var compact = signature.ToCompact();

        Assert.Equal(signature, RecoverableSignature.FromCompact(compact, 1));
        Assert.All(compact[..32], b => Assert.Equal(1, b));
        Assert.All(compact[32..], b => Assert.Equal(2, b));
        Assert.NotEqual(signature, RecoverableSignature.FromCompact(compact, 0));
    }
}
