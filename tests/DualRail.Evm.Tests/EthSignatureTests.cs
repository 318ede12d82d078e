using DualRail.Crypto;

namespace DualRail.Evm.Tests;

public sealed class EthSignatureTests
{
    // EIP-712 Mail example (reference/evm.md §1).
    private const string MailSignature = "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c";
    private const string MailDigest = "be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";
    private const string HalfN = "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0";
    private const string N = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    [Fact]
    public void Parses_and_recovers_the_mail_signer()
    {
        var signature = EthSignature.Parse(MailSignature);

        Assert.Equal(28, signature.V);
        Assert.Equal(1, signature.RecoveryId);
        Assert.Equal(MailSignature, signature.ToHex());
        Assert.Equal(EvmAddress.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), signature.RecoverAddress(Hex.Decode(MailDigest)));
    }

    [Theory]
    [InlineData("00", 27)]
    [InlineData("01", 28)]
    [InlineData("1b", 27)]
    [InlineData("1c", 28)]
    public void V_of_0_1_27_28_is_accepted_and_normalised(string v, int expected)
    {
        var signature = EthSignature.Parse(MailSignature[..^2] + v);

        Assert.Equal(expected, signature.V);
        Assert.EndsWith(expected.ToString("x2"), signature.ToHex(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("02")]
    [InlineData("1a")]
    [InlineData("1d")]
    [InlineData("25")]
    [InlineData("ff")]
    public void Other_v_values_are_refused(string v)
    {
        Assert.False(EthSignature.TryParse(MailSignature[..^2] + v, out _, out var error, out var message));
        Assert.Equal(SignatureFormatError.InvalidV, error);
        Assert.Contains("v", message, StringComparison.Ordinal);
    }

    [Fact]
    public void High_s_is_refused_but_n_over_2_is_accepted()
    {
        var r = MailSignature[2..66];
        var aboveHalf = HalfN[..^1] + "1";

        Assert.True(EthSignature.TryParse(r + HalfN + "1b", out _));
        Assert.False(EthSignature.TryParse(r + aboveHalf + "1b", out _, out var error, out _));
        Assert.Equal(SignatureFormatError.HighS, error);
        var exception = Assert.Throws<FormatException>(() => EthSignature.Parse(r + aboveHalf + "1b"));
        Assert.Contains("EIP-2", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(66)]
    [InlineData(0)]
    public void Wrong_lengths_are_refused(int length)
    {
        Assert.False(EthSignature.TryFromBytes(new byte[length], out _, out var error, out _));
        Assert.Equal(SignatureFormatError.WrongLength, error);
    }

    [Fact]
    public void Out_of_range_r_and_s_and_non_hex_are_refused()
    {
        var r = MailSignature[2..66];
        var s = MailSignature[66..130];
        var zero = new string('0', 64);

        Assert.Equal(SignatureFormatError.InvalidR, Refusal(zero + s + "1b"));
        Assert.Equal(SignatureFormatError.InvalidR, Refusal(N + s + "1b"));
        Assert.Equal(SignatureFormatError.InvalidS, Refusal(r + zero + "1b"));
        Assert.Equal(SignatureFormatError.InvalidS, Refusal(r + N + "1b"));
        Assert.Equal(SignatureFormatError.NotHex, Refusal("0xzz"));
        Assert.Equal(SignatureFormatError.NotHex, Refusal(null));
    }

    [Fact]
    public void Sign_produces_the_mail_signature_and_equality_is_by_value()
    {
        var key = Keccak256.Hash("cow"u8);

        var signature = EthSignature.Sign(Hex.Decode(MailDigest), key);

        Assert.Equal(EthSignature.Parse(MailSignature), signature);
        Assert.Equal(EthSignature.Parse(MailSignature).GetHashCode(), signature.GetHashCode());
        Assert.Equal(Hex.Decode(MailSignature)[..64], signature.ToCompact());
    }

    [Fact]
    public void FromRecoverable_refuses_high_s_and_other_recovery_ids()
    {
        var compact = Hex.Decode(MailSignature)[..64];
        var good = RecoverableSignature.FromCompact(compact, 1);

        Assert.Equal(28, EthSignature.FromRecoverable(good).V);
        Assert.Throws<ArgumentException>(() => EthSignature.FromRecoverable(good with { RecoveryId = 2 }));
        Assert.Throws<ArgumentException>(() => EthSignature.FromRecoverable(good with { S = Hex.Decode(N[..^1] + "0") }));
    }

    private static SignatureFormatError Refusal(string? hex)
    {
        Assert.False(EthSignature.TryParse(hex, out _, out var error, out _));
        return error;
    }
}
