using System.Security.Cryptography;
using DualRail.Crypto.Secp256k1Backends;

namespace DualRail.Crypto.Tests;

/// <summary>libsecp256k1 and BouncyCastle must agree byte for byte, on good and on bad input.</summary>
public sealed class BackendParityTests
{
    private const int Rounds = 100;

    private static BouncyCastleSecp256k1 Managed => BouncyCastleSecp256k1.Instance;

    private static NativeSecp256k1 Native => Backends.Native!;

    [Fact]
    public void Facade_uses_the_native_library_when_it_loads()
    {
        var forcedOff = Environment.GetEnvironmentVariable(Secp256k1.NativeSwitchVariable) is "0";
        var expected = Backends.Native is null || forcedOff ? "BouncyCastle" : "libsecp256k1";
        Assert.Equal(expected, Secp256k1.BackendName);
    }

    [NativeSecp256k1Fact]
    public void Public_keys_signatures_and_recoveries_are_identical()
    {
        for (var i = 0; i < Rounds; i++)
        {
            var key = RandomPrivateKey();
            var hash = RandomNumberGenerator.GetBytes(32);

            Assert.Equal(Managed.GetPublicKey(key, true), Native.GetPublicKey(key, true));
            Assert.Equal(Managed.GetPublicKey(key, false), Native.GetPublicKey(key, false));

            var managedSignature = Managed.Sign(hash, key);
            Assert.Equal(managedSignature, Native.Sign(hash, key));

            var compact = managedSignature.ToCompact();
            for (var recoveryId = 0; recoveryId < 4; recoveryId++)
            {
                Assert.Equal(
                    Managed.RecoverPublicKey(hash, compact, recoveryId, false),
                    Native.RecoverPublicKey(hash, compact, recoveryId, false));
            }

            var publicKey = Managed.GetPublicKey(key, i % 2 == 0);
            Assert.Equal(Managed.ConvertPublicKey(publicKey, i % 3 == 0), Native.ConvertPublicKey(publicKey, i % 3 == 0));
            Assert.True(Managed.Verify(hash, compact, publicKey));
            Assert.True(Native.Verify(hash, compact, publicKey));
        }
    }

    [NativeSecp256k1Fact]
    public void High_s_is_recovered_alike_and_refused_by_verify_alike()
    {
        var key = RandomPrivateKey();
        var hash = RandomNumberGenerator.GetBytes(32);
        var signature = Managed.Sign(hash, key);
        var highS = Negate(signature.S);
        var compact = signature.R.Concat(highS).ToArray();

        // (r, n - s) with the flipped recovery id is the same signature: ecrecover-style recovery accepts it.
        var flipped = signature.RecoveryId ^ 1;
        var expected = Managed.GetPublicKey(key, false);
        Assert.Equal(expected, Managed.RecoverPublicKey(hash, compact, flipped, false));
        Assert.Equal(expected, Native.RecoverPublicKey(hash, compact, flipped, false));

        Assert.False(Managed.Verify(hash, compact, expected));
        Assert.False(Native.Verify(hash, compact, expected));
    }

    [NativeSecp256k1Fact]
    public void Malformed_signatures_and_keys_get_the_same_answer()
    {
        var hash = RandomNumberGenerator.GetBytes(32);
        var key = RandomPrivateKey();
        var publicKey = Managed.GetPublicKey(key, true);
        var good = Managed.Sign(hash, key).ToCompact();
        var n = CurveOrder.N.ToArray();

        byte[][] signatures =
        [
            new byte[64],                                   // r = s = 0
            [.. new byte[32], .. good[32..]],               // r = 0
            [.. good[..32], .. new byte[32]],               // s = 0
            [.. n, .. good[32..]],                          // r = n
            [.. good[..32], .. n],                          // s = n
            [.. Enumerable.Repeat((byte)0xff, 64)],         // both above n
            [.. Small(1), .. good[32..]],                   // r = 1: lifts for recovery ids 2 and 3 (x = 1 + n < p)
            [.. good[..31], (byte)(good[31] ^ 1), .. good[32..]], // tampered r
        ];

        foreach (var signature in signatures)
        {
            for (var recoveryId = 0; recoveryId < 4; recoveryId++)
            {
                Assert.Equal(
                    Managed.RecoverPublicKey(hash, signature, recoveryId, true),
                    Native.RecoverPublicKey(hash, signature, recoveryId, true));
            }

            Assert.Equal(Managed.Verify(hash, signature, publicKey), Native.Verify(hash, signature, publicKey));
        }

        byte[][] badKeys =
        [
            [0x05, .. publicKey[1..]],                      // unknown prefix
            [0x02, .. Enumerable.Repeat((byte)0xff, 32)],   // x >= p
            [.. Managed.GetPublicKey(key, false)[..64], 0x00], // uncompressed, wrong y
        ];
        foreach (var badKey in badKeys)
        {
            Assert.Null(Managed.ConvertPublicKey(badKey, true));
            Assert.Null(Native.ConvertPublicKey(badKey, true));
            Assert.False(Managed.Verify(hash, good, badKey));
            Assert.False(Native.Verify(hash, good, badKey));
        }
    }

    [NativeSecp256k1Fact]
    public void Private_key_range_agrees_with_seckey_verify()
    {
        byte[][] keys =
        [
            new byte[32],
            Small(1),
            CurveOrder.N.ToArray(),
            Minus(CurveOrder.N, 1),
            [.. Enumerable.Repeat((byte)0xff, 32)],
            RandomPrivateKey(),
        ];

        foreach (var key in keys)
        {
            Assert.Equal(Backends.Native!.IsValidPrivateKey(key), Secp256k1.IsValidPrivateKey(key));
        }
    }

    private static byte[] RandomPrivateKey()
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

    private static byte[] Small(byte value)
    {
        var bytes = new byte[32];
        bytes[31] = value;
        return bytes;
    }

    private static byte[] Minus(ReadOnlySpan<byte> value, int subtrahend)
    {
        var result = new System.Numerics.BigInteger(value, isUnsigned: true, isBigEndian: true) - subtrahend;
        return result.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    private static byte[] Negate(byte[] s)
    {
        var n = new System.Numerics.BigInteger(CurveOrder.N, isUnsigned: true, isBigEndian: true);
        var value = n - new System.Numerics.BigInteger(s, isUnsigned: true, isBigEndian: true);
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - bytes.Length], .. bytes];
    }
}
