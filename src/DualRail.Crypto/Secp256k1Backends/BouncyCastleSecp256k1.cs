using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace DualRail.Crypto.Secp256k1Backends;

/// <summary>
/// secp256k1 in managed code on BouncyCastle's specialised curve (SecP256K1Curve with the GLV
/// endomorphism). Secret multiples of G use the constant-time fixed-point comb (its table is computed
/// once and cached on the generator); recovery and verification use variable-time wNAF.
/// </summary>
internal sealed class BouncyCastleSecp256k1 : ISecp256k1Backend
{
    public static readonly BouncyCastleSecp256k1 Instance = new();

    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECCurve Curve = Parameters.Curve;
    private static readonly ECPoint G = Parameters.G;
    private static readonly BigInteger N = Parameters.N;
    private static readonly BigInteger HalfN = N.ShiftRight(1);
    private static readonly BigInteger P = Curve.Field.Characteristic;
    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    private BouncyCastleSecp256k1()
    {
    }

    public string Name => "BouncyCastle";

    public byte[] GetPublicKey(ReadOnlySpan<byte> privateKey32, bool compressed)
    {
        var d = new BigInteger(1, privateKey32);
        return BaseMultiplier.Multiply(G, d).Normalize().GetEncoded(compressed);
    }

    public RecoverableSignature Sign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> privateKey32)
    {
        var d = new BigInteger(1, privateKey32);
        var e = new BigInteger(1, hash32);
        var nonces = new HMacDsaKCalculator(new Sha256Digest());
        nonces.Init(N, d, hash32.ToArray());

        while (true)
        {
            var k = nonces.NextK();
            var point = BaseMultiplier.Multiply(G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();

            // x >= n would need recovery id 2 or 3 (probability ~2^-127); take the next RFC 6979 nonce instead.
            if (x.CompareTo(N) >= 0)
            {
                continue;
            }

            var r = x;
            if (r.SignValue == 0)
            {
                continue;
            }

            var s = BigIntegers.ModOddInverse(N, k).Multiply(e.Add(d.Multiply(r))).Mod(N);
            if (s.SignValue == 0)
            {
                continue;
            }

            var recoveryId = point.AffineYCoord.TestBitZero() ? 1 : 0;
            if (s.CompareTo(HalfN) > 0)
            {
                s = N.Subtract(s);
                recoveryId ^= 1;
            }

            return new RecoverableSignature(ToBytes32(r), ToBytes32(s), recoveryId);
        }
    }

    public byte[]? RecoverPublicKey(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compactSignature64, int recoveryId, bool compressed)
    {
        var r = new BigInteger(1, compactSignature64[..32]);
        var s = new BigInteger(1, compactSignature64[32..]);
        if (!InRange(r) || !InRange(s))
        {
            return null;
        }

        // SEC 1 §4.1.6: rebuild the nonce point R from r and the recovery id.
        var x = (recoveryId & 2) == 0 ? r : r.Add(N);
        if (x.CompareTo(P) >= 0)
        {
            return null;
        }

        var noncePoint = LiftX(x, (recoveryId & 1) == 1);
        if (noncePoint is null)
        {
            return null;
        }

        // Q = r⁻¹ (s·R − e·G) = (−e·r⁻¹)·G + (s·r⁻¹)·R
        var e = new BigInteger(1, hash32);
        var rInverse = BigIntegers.ModOddInverse(N, r);
        var u1 = N.Subtract(e.Mod(N)).Multiply(rInverse).Mod(N);
        var u2 = s.Multiply(rInverse).Mod(N);
        var q = SumOfTwoMultiplies(u1, noncePoint, u2);
        return q.IsInfinity ? null : q.GetEncoded(compressed);
    }

    public byte[]? ConvertPublicKey(ReadOnlySpan<byte> publicKey, bool compressed) =>
        DecodePublicKey(publicKey)?.GetEncoded(compressed);

    public bool Verify(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compactSignature64, ReadOnlySpan<byte> publicKey)
    {
        var r = new BigInteger(1, compactSignature64[..32]);
        var s = new BigInteger(1, compactSignature64[32..]);
        if (!InRange(r) || !InRange(s) || s.CompareTo(HalfN) > 0)
        {
            return false;
        }

        var q = DecodePublicKey(publicKey);
        if (q is null)
        {
            return false;
        }

        var e = new BigInteger(1, hash32);
        var sInverse = BigIntegers.ModOddInverse(N, s);
        var u1 = e.Mod(N).Multiply(sInverse).Mod(N);
        var u2 = r.Multiply(sInverse).Mod(N);
        var point = SumOfTwoMultiplies(u1, q, u2);
        return !point.IsInfinity && point.AffineXCoord.ToBigInteger().Mod(N).Equals(r);
    }

    /// <summary>
    /// u1·G + u2·Q for public scalars: one shared doubling chain over the four GLV half-scalars, in
    /// variable time (G's wNAF table is cached). Measured about 1.4× faster than a comb for u1·G plus a
    /// separate GLV multiplication; the constant-time comb is kept for secret scalars (keys, nonces).
    /// </summary>
    private static ECPoint SumOfTwoMultiplies(BigInteger u1, ECPoint q, BigInteger u2) =>
        ECAlgorithms.SumOfTwoMultiplies(G, u1, q, u2).Normalize();

    private static ECPoint? LiftX(BigInteger x, bool oddY)
    {
        var fx = Curve.FromBigInteger(x);
        var y = fx.Square().Multiply(fx).Add(Curve.B).Sqrt();
        if (y is null)
        {
            return null;
        }

        if (y.TestBitZero() != oddY)
        {
            y = y.Negate();
        }

        return Curve.CreatePoint(x, y.ToBigInteger());
    }

    private static ECPoint? DecodePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length is not (33 or 65))
        {
            return null;
        }

        try
        {
            var point = Curve.DecodePoint(publicKey);
            return point.IsInfinity ? null : point;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return null;
        }
    }

    private static bool InRange(BigInteger value) => value.SignValue > 0 && value.CompareTo(N) < 0;

    private static byte[] ToBytes32(BigInteger value) => BigIntegers.AsUnsignedByteArray(32, value);
}
