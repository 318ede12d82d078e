using System.Security.Cryptography;
using DualRail.Lightning.Bolt11;
using Microsoft.Extensions.Time.Testing;
using static DualRail.Lightning.Tests.Bolt11.SpecVectors;

namespace DualRail.Lightning.Tests.Bolt11;

/// <summary>
/// Builds the BOLT #11 examples field by field with the spec's private key. The spec signs with RFC 6979, so the
/// exact invoice string comes back.
/// </summary>
public sealed class Bolt11EncoderTests
{
    private static readonly byte[] Key = Convert.FromHexString(PrivateKey);
    private static readonly byte[] Hash = Convert.FromHexString(PaymentHash);
    private static readonly byte[] Secret = Convert.FromHexString(PaymentSecret);
    private static readonly byte[] CakeHash = Convert.FromHexString(CakeDescriptionHash);
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void Donation() => Assert.Equal(
        SpecVectors.Donation,
        new Bolt11Encoder(Bolt11Network.Mainnet, Created)
            .AddPaymentSecret(Secret).AddPaymentHash(Hash)
            .AddDescription("Please consider supporting this project")
            .AddFeatures(8, 14)
            .Sign(Key));

    [Fact]
    public void Coffee() => Assert.Equal(
        SpecVectors.Coffee,
        new Bolt11Encoder(Bolt11Network.Mainnet, Created).WithAmountMsat(250_000_000)
            .AddPaymentSecret(Secret).AddPaymentHash(Hash)
            .AddDescription("1 cup coffee").AddExpiry(60)
            .AddFeatures(8, 14)
            .Sign(Key));

    [Fact]
    public void Nonsense() => Assert.Equal(
        SpecVectors.Nonsense,
        new Bolt11Encoder(Bolt11Network.Mainnet, Created).WithAmountMsat(250_000_000)
            .AddPaymentSecret(Secret).AddPaymentHash(Hash)
            .AddDescription("ナンセンス 1杯").AddExpiry(60)
            .AddFeatures(8, 14)
            .Sign(Key));

    [Fact]
    public void Hashed_description() => Assert.Equal(
        HashedDescription,
        new Bolt11Encoder(Bolt11Network.Mainnet, Created).WithAmountMsat(2_000_000_000)
            .AddPaymentSecret(Secret).AddPaymentHash(Hash).AddDescriptionHash(CakeHash)
            .AddFeatures(8, 14)
            .Sign(Key));

    [Fact]
    public void Testnet_with_p2pkh_fallback() => Assert.Equal(
        TestnetP2pkhFallback,
        new Bolt11Encoder(Bolt11Network.Testnet, Created).WithAmountMsat(2_000_000_000)
            .AddPaymentSecret(Secret).AddDescriptionHash(CakeHash).AddPaymentHash(Hash)
            .AddFallbackAddress(new Bolt11FallbackAddress(17, Convert.FromHexString("3172b5654f6683c8fb146959d347ce303cae4ca7")))
            .AddFeatures(8, 14)
            .Sign(Key));

    [Fact]
    public void Fallback_and_route_hint() => Assert.Equal(
        FallbackAndRouting,
        new Bolt11Encoder(Bolt11Network.Mainnet, Created).WithAmountMsat(2_000_000_000)
            .AddPaymentSecret(Secret).AddPaymentHash(Hash).AddDescriptionHash(CakeHash)
            .AddFallbackAddress(new Bolt11FallbackAddress(17, Convert.FromHexString("04b61f7dc1ea0dc99424464cc4064dc564d91e89")))
            .AddRouteHint(new Bolt11RouteHint(
            [
                new Bolt11RouteHop(Convert.FromHexString("029e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255"), 0x0102030405060708, 1, 20, 3),
                new Bolt11RouteHop(Convert.FromHexString("039e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255"), 0x030405060708090a, 2, 30, 4),
            ]))
            .AddFeatures(8, 14)
            .Sign(Key));

    [Theory]
    [InlineData(P2shFallback, 18, "8f55563b9a19f321c211e9b9f38cdf686ea07845")]
    [InlineData(P2wpkhFallback, 0, "751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData(P2wshFallback, 0, "1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")]
    public void One_fallback(string expected, int version, string program) => Assert.Equal(
        expected,
        new Bolt11Encoder(Bolt11Network.Mainnet, Created).WithAmountMsat(2_000_000_000)
            .AddPaymentSecret(Secret).AddDescriptionHash(CakeHash).AddPaymentHash(Hash)
            .AddFallbackAddress(new Bolt11FallbackAddress(version, Convert.FromHexString(program)))
            .AddFeatures(8, 14)
            .Sign(Key));

    [Fact]
    public void Two_fallbacks() => Assert.Equal(
        P2wpkhAndP2wshFallbacks,
        new Bolt11Encoder(Bolt11Network.Mainnet, Created).WithAmountMsat(2_000_000_000)
            .AddPaymentSecret(Secret).AddDescriptionHash(CakeHash).AddPaymentHash(Hash)
            .AddFallbackAddress(new Bolt11FallbackAddress(0, Convert.FromHexString("751e76e8199196d454941c45d1b3a323f1433bd6")))
            .AddFallbackAddress(new Bolt11FallbackAddress(0, Convert.FromHexString("1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")))
            .AddFeatures(8, 14)
            .Sign(Key));

    [Fact]
    public void Pico_amount() => Assert.Equal(
        PicoAmount,
        new Bolt11Encoder(Bolt11Network.Mainnet, DateTimeOffset.FromUnixTimeSeconds(1572468703)).WithAmountMsat(967_878_534)
            .AddPaymentHash(Convert.FromHexString("462264ede7e14047e9b249da94fefc47f41f7d02ee9b091815a5506bc8abf75f"))
            .AddDescription("Blockstream Store: 88.85 USD for Blockstream Ledger Nano S x 1, \"Back In My Day\" Sticker x 2, \"I Got Lightning Working\" Sticker x 2 and 1 more items")
            .AddPaymentSecret(Secret)
            .AddExpiry(604800).AddMinFinalCltvExpiryDelta(10)
            .AddRouteHint(new Bolt11RouteHint(
            [
                new Bolt11RouteHop(Convert.FromHexString("03d06758583bb5154774a6eb221b1276c9e82d65bbaceca806d90e20c108f4b1c7"), (589390UL << 40) | (3312UL << 16) | 1, 1000, 2500, 40),
            ]))
            .AddFeatures(8, 14)
            .Sign(Key));

    [Fact]
    public void Coffee_beans_with_feature_99() => Assert.Equal(
        CoffeeBeans,
        new Bolt11Encoder(Bolt11Network.Mainnet, Created).WithAmountMsat(2_500_000_000)
            .AddPaymentHash(Hash).AddDescription("coffee beans").AddPaymentSecret(Secret)
            .AddFeatures(8, 14, 99)
            .Sign(Key));

    [Fact]
    public void Metadata() => Assert.Equal(
        SpecVectors.Metadata,
        new Bolt11Encoder(Bolt11Network.Mainnet, Created).WithAmountMsat(1_000_000_000)
            .AddPaymentHash(Hash).AddDescription("payment metadata inside")
            .AddMetadata([0x01, 0xfa, 0xfa, 0xf0])
            .AddPaymentSecret(Secret)
            .AddFeatures(8, 14, 48)
            .Sign(Key));

    [Fact]
    public void A_regtest_invoice_with_payee_field_round_trips()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        key[0] = 0x01; // well below the curve order
        var decodedKey = Bolt11Decoder.Decode(
            new Bolt11Encoder(Bolt11Network.Regtest, Created).AddPaymentHash(Hash).AddPaymentSecret(Secret).AddDescription("k").Sign(key))
            .PayeePublicKey;
        var now = new FakeTimeProvider(DateTimeOffset.UtcNow);

        var text = new Bolt11Encoder(Bolt11Network.Regtest, now.GetUtcNow())
            .WithAmountMsat(1_234_567)
            .AddPaymentHash(Hash).AddPaymentSecret(Secret)
            .AddDescription("GET /weather")
            .AddPayeePublicKey(decodedKey)
            .AddExpiry(300).AddMinFinalCltvExpiryDelta(80)
            .AddFeatures(9, 14, 17)
            .Sign(key);
        var invoice = Bolt11Decoder.Decode(text, Bolt11Network.Regtest);

        Assert.StartsWith("lnbcrt12345670p1", text, StringComparison.Ordinal);
        Assert.Equal(1_234_567, invoice.AmountMsat);
        Assert.True(invoice.HasExplicitPayee);
        Assert.Equal(decodedKey, invoice.PayeePublicKey);
        Assert.Equal("GET /weather", invoice.Description);
        Assert.Equal(300, invoice.ExpirySeconds);
        Assert.Equal(80, invoice.MinFinalCltvExpiryDelta);
        Assert.Equal([9, 14, 17], invoice.Features.SetBits);
        Assert.False(invoice.IsExpired(now));
        now.Advance(TimeSpan.FromSeconds(301));
        Assert.True(invoice.IsExpired(now));
    }

    [Fact]
    public void Tampering_with_an_invoice_that_names_its_payee_breaks_the_signature()
    {
        var text = new Bolt11Encoder(Bolt11Network.Regtest, Created).WithAmountMsat(1_000)
            .AddPaymentHash(Hash).AddPaymentSecret(Secret).AddDescription("x")
            .AddPayeePublicKey(Convert.FromHexString(PublicKey))
            .Sign(Key);
        var (_, words) = Bech32.Decode(text);

        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode(Bech32.Encode("lnbcrt2n", words)));
        Assert.Equal(Bolt11FormatError.InvalidSignature, error.Error);
    }

    [Fact]
    public void Missing_required_fields_are_refused_when_signing()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new Bolt11Encoder(Bolt11Network.Regtest, Created).AddPaymentSecret(Secret).AddDescription("x").Sign(Key));
        Assert.Throws<InvalidOperationException>(() =>
            new Bolt11Encoder(Bolt11Network.Regtest, Created).AddPaymentHash(Hash).AddDescription("x").Sign(Key));
        Assert.Throws<InvalidOperationException>(() =>
            new Bolt11Encoder(Bolt11Network.Regtest, Created).AddPaymentHash(Hash).AddPaymentSecret(Secret).Sign(Key));
        Assert.Throws<InvalidOperationException>(() =>
            new Bolt11Encoder(Bolt11Network.Regtest, Created).AddPaymentHash(Hash).AddPaymentSecret(Secret)
                .AddDescription("x").AddDescriptionHash(CakeHash).Sign(Key));
    }

    [Fact]
    public void A_payee_field_for_another_key_is_refused_when_signing()
    {
        var other = Convert.FromHexString("029e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255");

        Assert.Throws<InvalidOperationException>(() =>
            new Bolt11Encoder(Bolt11Network.Regtest, Created).AddPaymentHash(Hash).AddPaymentSecret(Secret)
                .AddDescription("x").AddPayeePublicKey(other).Sign(Key));
    }

    [Fact]
    public void A_description_over_639_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            new Bolt11Encoder(Bolt11Network.Regtest, Created).AddDescription(new string('a', 640)));
    }
}
