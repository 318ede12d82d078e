using DualRail.Lightning.Bolt11;
using static DualRail.Lightning.Tests.Bolt11.SpecVectors;

namespace DualRail.Lightning.Tests.Bolt11;

/// <summary>Every invalid example of BOLT #11, plus invoices made invalid one rule at a time.</summary>
public sealed class Bolt11DecoderInvalidTests
{
    [Theory]
    [InlineData(InvalidUnknownFeature100, Bolt11FormatError.UnknownRequiredFeature)]
    [InlineData(InvalidChecksum, Bolt11FormatError.InvalidChecksum)]
    [InlineData(InvalidNoSeparator, Bolt11FormatError.InvalidBech32)]
    [InlineData(InvalidMixedCase, Bolt11FormatError.MixedCase)]
    [InlineData(InvalidSignatureNotRecoverable, Bolt11FormatError.InvalidSignature)]
    [InlineData(InvalidTooShort, Bolt11FormatError.Truncated)]
    [InlineData(InvalidMultiplier, Bolt11FormatError.InvalidMultiplier)]
    [InlineData(InvalidSubMillisatoshi, Bolt11FormatError.SubMillisatoshiAmount)]
    [InlineData(InvalidMissingSecret, Bolt11FormatError.MissingField)]
    [InlineData(InvalidSegwitV0ProgramLength, Bolt11FormatError.InvalidField)]
    [InlineData(InvalidHighSWithPayeeField, Bolt11FormatError.InvalidSignature)]
    public void Spec_invalid_example_is_refused(string paymentRequest, Bolt11FormatError expected)
    {
        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode(paymentRequest));

        Assert.Equal(expected, error.Error);
        Assert.False(Bolt11Decoder.TryDecode(paymentRequest, out var invoice));
        Assert.Null(invoice);
    }

    [Fact]
    public void High_s_with_payee_field_is_refused_for_being_high_s()
    {
        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode(InvalidHighSWithPayeeField));

        Assert.Contains("high-S", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lnbc02500u", Bolt11FormatError.InvalidAmount)] // leading zero
    [InlineData("lnbc0", Bolt11FormatError.InvalidAmount)]      // zero
    [InlineData("lnbc2500y", Bolt11FormatError.InvalidMultiplier)]
    [InlineData("lnbc25x0u", Bolt11FormatError.InvalidAmount)]  // not a number
    [InlineData("lnbcu", Bolt11FormatError.UnknownNetwork)]     // letters before any digit belong to the currency
    [InlineData("lnbc25p", Bolt11FormatError.SubMillisatoshiAmount)]
    [InlineData("lnxy2500u", Bolt11FormatError.UnknownNetwork)]
    [InlineData("lxbc2500u", Bolt11FormatError.UnknownNetwork)]
    [InlineData("lnbc999999999999999999", Bolt11FormatError.InvalidAmount)] // more msat than a long holds
    public void A_bad_human_readable_part_is_refused(string hrp, Bolt11FormatError expected)
    {
        var (_, words) = Bech32.Decode(Coffee);
        var reencoded = Bech32.Encode(hrp, words);

        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode(reencoded));
        Assert.Equal(expected, error.Error);
    }

    [Fact]
    public void Changing_the_amount_changes_the_recovered_payee()
    {
        // Without an n field, a tampered invoice still recovers *some* key; the payee check is what catches it.
        var (_, words) = Bech32.Decode(Coffee);
        var tampered = Bolt11Decoder.Decode(Bech32.Encode("lnbc2501u", words));

        Assert.Equal(250_100_000, tampered.AmountMsat);
        Assert.False(tampered.IsPayee(Convert.FromHexString(PublicKey)));
    }

    [Fact]
    public void A_non_minimal_expiry_is_refused()
    {
        var invoice = SignedWithFields(words => words.Replace("xqzpu", "xqrqpu")); // x = 0,1,28: a leading zero word

        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode(invoice));
        Assert.Equal(Bolt11FormatError.InvalidField, error.Error);
    }

    [Fact]
    public void Description_and_description_hash_together_are_refused()
    {
        var invoice = SignedWithFields(words => words.Replace("xqzpu", "hp58yjmdan79s6qqdhdzgynm4zwqd5d7xmw5fk98klysy043l2ahrqs"));

        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode(invoice));
        Assert.Equal(Bolt11FormatError.MissingField, error.Error);
    }

    [Fact]
    public void A_field_longer_than_the_data_is_refused()
    {
        var invoice = SignedWithFields(words => words.Replace("xqzpu", "xq5pu")); // x claims 20 words

        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode(invoice));
        Assert.Equal(Bolt11FormatError.Truncated, error.Error);
    }

    [Fact]
    public void A_route_hint_that_is_not_whole_hops_is_refused()
    {
        var invoice = SignedWithFields(words => words.Replace("xqzpu", "rqzpu"));

        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode(invoice));
        Assert.Equal(Bolt11FormatError.InvalidField, error.Error);
    }

    [Fact]
    public void An_invoice_longer_than_the_limit_is_refused()
    {
        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode("lnbc1" + new string('q', Bolt11Decoder.MaxLength)));

        Assert.Equal(Bolt11FormatError.InvalidBech32, error.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("lnbc1qqqqqq")]
    [InlineData("lnbc2500u1pvjluez\u00e9")]
    [InlineData("1pvjluezqqqqqq")]
    public void Garbage_is_refused_with_a_format_error(string text)
    {
        Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode(text));
    }

    /// <summary>The coffee invoice's fields edited as bech32 text, then signed again with the spec key.</summary>
    private static string SignedWithFields(Func<string, string> edit)
    {
        const string fields = "sp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgq";
        const string hrp = "lnbc2500u";
        var signed = Bech32.CharsToWords("pvjluez" + edit(fields));
        var hash = Bolt11Decoder.SigningHash(hrp, signed);
        var signature = Bolt11Signature.Sign(hash, Convert.FromHexString(PrivateKey));
        return Bech32.Encode(hrp, [.. signed, .. WordConverter.ToWords(signature)]);
    }
}
