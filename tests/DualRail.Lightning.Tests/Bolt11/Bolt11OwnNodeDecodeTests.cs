using DualRail.Lightning.Bolt11;
using static DualRail.Lightning.Tests.Bolt11.SpecVectors;

namespace DualRail.Lightning.Tests.Bolt11;

/// <summary>
/// Decoding an invoice the rail's own LND just returned: every field as <see cref="Bolt11Decoder.Decode"/> reads it,
/// the payee the key learnt from the node, and everything but the signature still checked.
/// </summary>
public sealed class Bolt11OwnNodeDecodeTests
{
    private static readonly byte[] NodeKey = Convert.FromHexString(PublicKey);

    [Theory]
    [InlineData(Coffee)]
    [InlineData(HashedDescription)]
    [InlineData(FallbackAndRouting)]
    public void It_reads_the_same_invoice_as_the_full_decode(string invoice)
    {
        var full = Bolt11Decoder.Decode(invoice, Bolt11Network.Mainnet);
        var own = Bolt11Decoder.DecodeFromOwnNode(invoice, Bolt11Network.Mainnet, NodeKey);

        Assert.Equal(full.PaymentRequest, own.PaymentRequest);
        Assert.Equal(full.PaymentHashHex, own.PaymentHashHex);
        Assert.Equal(full.AmountMsat, own.AmountMsat);
        Assert.Equal(full.ExpiresAt, own.ExpiresAt);
        Assert.Equal(full.Description, own.Description);
        Assert.Equal(full.PayeePublicKeyHex, own.PayeePublicKeyHex);
        Assert.Equal(full.PaymentSecret, own.PaymentSecret);
    }

    [Fact]
    public void An_n_field_naming_another_key_is_refused()
    {
        var other = Convert.FromHexString("02" + new string('1', 64));
        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.DecodeFromOwnNode(SignedWithPayeeField(), Bolt11Network.Regtest, other));
        Assert.Equal(Bolt11FormatError.InvalidSignature, error.Error);
        Assert.Equal(PublicKey, Bolt11Decoder.DecodeFromOwnNode(SignedWithPayeeField(), Bolt11Network.Regtest, NodeKey).PayeePublicKeyHex);
    }

    [Fact]
    public void Network_checksum_and_fields_are_still_checked()
    {
        Assert.Equal(Bolt11FormatError.WrongNetwork,
            Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.DecodeFromOwnNode(Coffee, Bolt11Network.Regtest, NodeKey)).Error);
        var corrupted = Coffee[..^1] + (Coffee[^1] == 'q' ? 'p' : 'q');
        Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.DecodeFromOwnNode(corrupted, Bolt11Network.Mainnet, NodeKey));
    }

    private static string SignedWithPayeeField() =>
        new Bolt11Encoder(Bolt11Network.Regtest, DateTimeOffset.FromUnixTimeSeconds(Timestamp))
            .WithAmountMsat(10_000)
            .AddPaymentHash(Convert.FromHexString(PaymentHash))
            .AddPaymentSecret(Convert.FromHexString(PaymentSecret))
            .AddDescription("own node")
            .AddPayeePublicKey(NodeKey)
            .Sign(Convert.FromHexString(PrivateKey));
}
