using DualRail.Crypto;
using DualRail.Lightning.Bolt11;
using Microsoft.Extensions.Time.Testing;
using static DualRail.Lightning.Tests.Bolt11.SpecVectors;

namespace DualRail.Lightning.Tests.Bolt11;

/// <summary>Every valid example of BOLT #11, decoded field by field.</summary>
public sealed class Bolt11DecoderSpecTests
{
    private static readonly byte[] SpecPublicKey = Convert.FromHexString(PublicKey);

    [Fact]
    public void Donation_of_any_amount()
    {
        var invoice = Bolt11Decoder.Decode(Donation);

        AssertCommon(invoice, Bolt11Network.Mainnet);
        Assert.Null(invoice.AmountMsat);
        Assert.Equal("Please consider supporting this project", invoice.Description);
        Assert.Null(invoice.DescriptionHash);
        Assert.Equal(3600, invoice.ExpirySeconds);
        Assert.Equal(18, invoice.MinFinalCltvExpiryDelta);
        Assert.Equal([8, 14], invoice.Features.SetBits);
        Assert.Empty(invoice.FallbackAddresses);
        Assert.Empty(invoice.RouteHints);
        Assert.Null(invoice.Metadata);
        Assert.False(invoice.HasExplicitPayee);
        Assert.Equal(1, invoice.RecoveryId);
        Assert.Equal(
            "8d3ce9e28357337f62da0162d9454df827f83cfe499aeb1c1db349d4d81127425e434ca29929406c23bba1ae8ac6ca32880b38d4bf6ff874024cac34ba9625f1",
            Convert.ToHexStringLower(invoice.Signature));
    }

    [Fact]
    public void Coffee_within_one_minute()
    {
        var invoice = Bolt11Decoder.Decode(Coffee);

        AssertCommon(invoice, Bolt11Network.Mainnet);
        Assert.Equal(250_000_000, invoice.AmountMsat);
        Assert.Equal("1 cup coffee", invoice.Description);
        Assert.Equal(60, invoice.ExpirySeconds);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Timestamp + 60), invoice.ExpiresAt);
        Assert.Equal([8, 14], invoice.Features.SetBits);
    }

    [Fact]
    public void Nonsense_in_utf8()
    {
        var invoice = Bolt11Decoder.Decode(Nonsense);

        AssertCommon(invoice, Bolt11Network.Mainnet);
        Assert.Equal(250_000_000, invoice.AmountMsat);
        Assert.Equal("ナンセンス 1杯", invoice.Description);
        Assert.Equal(60, invoice.ExpirySeconds);
    }

    [Fact]
    public void Hashed_description()
    {
        var invoice = Bolt11Decoder.Decode(HashedDescription);

        AssertCommon(invoice, Bolt11Network.Mainnet);
        Assert.Equal(2_000_000_000, invoice.AmountMsat);
        Assert.Null(invoice.Description);
        Assert.Equal(CakeDescriptionHash, Convert.ToHexStringLower(invoice.DescriptionHash!));
    }

    [Fact]
    public void Testnet_with_p2pkh_fallback()
    {
        var invoice = Bolt11Decoder.Decode(TestnetP2pkhFallback);

        AssertCommon(invoice, Bolt11Network.Testnet);
        Assert.Equal(2_000_000_000, invoice.AmountMsat);
        var fallback = Assert.Single(invoice.FallbackAddresses);
        Assert.Equal(17, fallback.Version);
        Assert.Equal("3172b5654f6683c8fb146959d347ce303cae4ca7", Convert.ToHexStringLower(fallback.Program)); // mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP
    }

    [Fact]
    public void Mainnet_with_fallback_and_two_hop_route_hint()
    {
        var invoice = Bolt11Decoder.Decode(FallbackAndRouting);

        AssertCommon(invoice, Bolt11Network.Mainnet);
        var fallback = Assert.Single(invoice.FallbackAddresses);
        Assert.Equal(17, fallback.Version);
        Assert.Equal("04b61f7dc1ea0dc99424464cc4064dc564d91e89", Convert.ToHexStringLower(fallback.Program)); // 1RustyRX2oai4EYYDpQGWvEL62BBGqN9T
        var hint = Assert.Single(invoice.RouteHints);
        Assert.Equal(2, hint.Hops.Count);
        Assert.Equal("029e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255", Convert.ToHexStringLower(hint.Hops[0].PublicKey));
        Assert.Equal(0x0102030405060708UL, hint.Hops[0].ShortChannelId);
        Assert.Equal("66051x263430x1800", hint.Hops[0].ShortChannelIdText);
        Assert.Equal(1u, hint.Hops[0].FeeBaseMsat);
        Assert.Equal(20u, hint.Hops[0].FeeProportionalMillionths);
        Assert.Equal((ushort)3, hint.Hops[0].CltvExpiryDelta);
        Assert.Equal("039e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255", Convert.ToHexStringLower(hint.Hops[1].PublicKey));
        Assert.Equal(0x030405060708090aUL, hint.Hops[1].ShortChannelId);
        Assert.Equal("197637x395016x2314", hint.Hops[1].ShortChannelIdText);
        Assert.Equal(2u, hint.Hops[1].FeeBaseMsat);
        Assert.Equal(30u, hint.Hops[1].FeeProportionalMillionths);
        Assert.Equal((ushort)4, hint.Hops[1].CltvExpiryDelta);
    }

    [Theory]
    [InlineData(P2shFallback, 18, "8f55563b9a19f321c211e9b9f38cdf686ea07845")] // 3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX
    [InlineData(P2wpkhFallback, 0, "751e76e8199196d454941c45d1b3a323f1433bd6")] // bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4
    [InlineData(P2wshFallback, 0, "1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")] // bc1qrp33...ccfmv3
    public void Mainnet_with_one_fallback(string paymentRequest, int version, string program)
    {
        var invoice = Bolt11Decoder.Decode(paymentRequest);

        AssertCommon(invoice, Bolt11Network.Mainnet);
        Assert.Equal(CakeDescriptionHash, Convert.ToHexStringLower(invoice.DescriptionHash!));
        var fallback = Assert.Single(invoice.FallbackAddresses);
        Assert.Equal(version, fallback.Version);
        Assert.Equal(program, Convert.ToHexStringLower(fallback.Program));
    }

    [Fact]
    public void Mainnet_with_two_fallbacks_in_order()
    {
        var invoice = Bolt11Decoder.Decode(P2wpkhAndP2wshFallbacks);

        AssertCommon(invoice, Bolt11Network.Mainnet);
        Assert.Equal(2, invoice.FallbackAddresses.Count);
        Assert.Equal("751e76e8199196d454941c45d1b3a323f1433bd6", Convert.ToHexStringLower(invoice.FallbackAddresses[0].Program));
        Assert.Equal("1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262", Convert.ToHexStringLower(invoice.FallbackAddresses[1].Program));
    }

    [Fact]
    public void Pico_amount_with_expiry_cltv_and_route_hint()
    {
        var invoice = Bolt11Decoder.Decode(PicoAmount);

        Assert.Equal(Bolt11Network.Mainnet, invoice.Network);
        Assert.Equal(967_878_534, invoice.AmountMsat);
        Assert.Equal(1572468703, invoice.Timestamp);
        Assert.Equal("462264ede7e14047e9b249da94fefc47f41f7d02ee9b091815a5506bc8abf75f", invoice.PaymentHashHex);
        Assert.Equal(PaymentSecret, Convert.ToHexStringLower(invoice.PaymentSecret));
        Assert.Equal(
            "Blockstream Store: 88.85 USD for Blockstream Ledger Nano S x 1, \"Back In My Day\" Sticker x 2, \"I Got Lightning Working\" Sticker x 2 and 1 more items",
            invoice.Description);
        Assert.Equal(604800, invoice.ExpirySeconds);
        Assert.Equal(10, invoice.MinFinalCltvExpiryDelta);
        var hop = Assert.Single(Assert.Single(invoice.RouteHints).Hops);
        Assert.Equal("03d06758583bb5154774a6eb221b1276c9e82d65bbaceca806d90e20c108f4b1c7", Convert.ToHexStringLower(hop.PublicKey));
        Assert.Equal("589390x3312x1", hop.ShortChannelIdText);
        Assert.Equal(1000u, hop.FeeBaseMsat);
        Assert.Equal(2500u, hop.FeeProportionalMillionths);
        Assert.Equal((ushort)40, hop.CltvExpiryDelta);
        Assert.Equal(PublicKey, invoice.PayeePublicKeyHex);
    }

    [Fact]
    public void Coffee_beans_with_odd_unknown_feature_99()
    {
        var invoice = Bolt11Decoder.Decode(CoffeeBeans);

        AssertCommon(invoice, Bolt11Network.Mainnet);
        Assert.Equal(2_500_000_000, invoice.AmountMsat);
        Assert.Equal("coffee beans", invoice.Description);
        Assert.Equal([8, 14, 99], invoice.Features.SetBits);
        Assert.True(invoice.Features.IsSet(99));
    }

    [Fact]
    public void All_upper_case_decodes_like_lower_case()
    {
        var upper = Bolt11Decoder.Decode(CoffeeBeansUpperCase);
        var lower = Bolt11Decoder.Decode(CoffeeBeans);

        AssertCommon(upper, Bolt11Network.Mainnet);
        Assert.Equal(CoffeeBeans, upper.PaymentRequest);
        Assert.Equal(lower.AmountMsat, upper.AmountMsat);
        Assert.Equal(lower.Description, upper.Description);
        Assert.Equal(lower.Features.SetBits, upper.Features.SetBits);
    }

    [Fact]
    public void Fields_which_must_be_ignored_are_skipped()
    {
        var invoice = Bolt11Decoder.Decode(IgnoredFields);

        // The unknown type 2, the fallback of version 19 and the p, h, s and n fields of wrong length are skipped.
        AssertCommon(invoice, Bolt11Network.Mainnet);
        Assert.Equal(2_500_000_000, invoice.AmountMsat);
        Assert.Equal("coffee beans", invoice.Description);
        Assert.Null(invoice.DescriptionHash);
        Assert.Empty(invoice.FallbackAddresses);
        Assert.False(invoice.HasExplicitPayee);
        Assert.Equal([8, 14, 99], invoice.Features.SetBits);
    }

    [Fact]
    public void Payment_metadata()
    {
        var invoice = Bolt11Decoder.Decode(Metadata);

        AssertCommon(invoice, Bolt11Network.Mainnet);
        Assert.Equal(1_000_000_000, invoice.AmountMsat);
        Assert.Equal("payment metadata inside", invoice.Description);
        Assert.Equal("01fafaf0", Convert.ToHexStringLower(invoice.Metadata!));
        Assert.Equal([8, 14, 48], invoice.Features.SetBits);
    }

    [Fact]
    public void High_s_signature_is_accepted_when_the_key_is_recovered()
    {
        var invoice = Bolt11Decoder.Decode(HighSRecovery);
        var donation = Bolt11Decoder.Decode(Donation);

        // Same r as the donation example, s negated: a high-S signature, accepted because there is no n field.
        Assert.False(invoice.HasExplicitPayee);
        Assert.False(Secp256k1.IsLowS(invoice.Signature.AsSpan(32)));
        Assert.Equal(donation.Signature[..32], invoice.Signature[..32]);
        Assert.Equal("Please consider supporting this project", invoice.Description);

        // The example keeps the donation's recovery id 1, but negating s also negates R, so the spec's key is
        // recovered with the other parity; recovery id 1 yields a different (still valid) key.
        var hash = Convert.FromHexString("6daf4d488be41ce7cbb487cab1ef2975e5efcea879b20d421f0ef86b07cbb987");
        Assert.Equal(1, invoice.RecoveryId);
        Assert.Equal(SpecPublicKey, Secp256k1.RecoverPublicKey(hash, invoice.Signature, invoice.RecoveryId ^ 1));
        Assert.Equal(Secp256k1.RecoverPublicKey(hash, invoice.Signature, invoice.RecoveryId), invoice.PayeePublicKey);
    }

    [Fact]
    public void A_lightning_uri_prefix_is_accepted()
    {
        var invoice = Bolt11Decoder.Decode("lightning:" + Coffee);

        Assert.Equal(Coffee, invoice.PaymentRequest);
    }

    [Fact]
    public void The_expected_network_is_enforced()
    {
        Assert.Equal(Bolt11Network.Mainnet, Bolt11Decoder.Decode(Coffee, Bolt11Network.Mainnet).Network);

        var error = Assert.Throws<Bolt11FormatException>(() => Bolt11Decoder.Decode(Coffee, Bolt11Network.Regtest));
        Assert.Equal(Bolt11FormatError.WrongNetwork, error.Error);
    }

    [Fact]
    public void Expiry_follows_the_time_provider()
    {
        var invoice = Bolt11Decoder.Decode(Coffee);
        var created = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

        Assert.False(invoice.IsExpired(new FakeTimeProvider(created.AddSeconds(59))));
        Assert.True(invoice.IsExpired(new FakeTimeProvider(created.AddSeconds(60))));
    }

    private static void AssertCommon(Bolt11Invoice invoice, Bolt11Network network)
    {
        Assert.Equal(network, invoice.Network);
        Assert.Equal(Timestamp, invoice.Timestamp);
        Assert.Equal(PaymentHash, invoice.PaymentHashHex);
        Assert.Equal(PaymentSecret, Convert.ToHexStringLower(invoice.PaymentSecret));
        Assert.Equal(PublicKey, invoice.PayeePublicKeyHex);
        Assert.True(invoice.IsPayee(SpecPublicKey));
    }
}
