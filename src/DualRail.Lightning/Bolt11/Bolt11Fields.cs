using System.Buffers.Binary;
using System.Text;

namespace DualRail.Lightning.Bolt11;

/// <summary>
/// Collects tagged fields while decoding. The first well-formed field of each kind wins; p, s, h and n fields of
/// the wrong length, unknown tags and fallbacks with unknown versions are skipped as BOLT #11 requires.
/// </summary>
internal sealed class Bolt11Fields
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public byte[]? PaymentHash { get; private set; }

    public byte[]? PaymentSecret { get; private set; }

    public string? Description { get; private set; }

    public byte[]? DescriptionHash { get; private set; }

    public byte[]? PayeePublicKey { get; private set; }

    public long? Expiry { get; private set; }

    public long? MinFinalCltvExpiryDelta { get; private set; }

    public Bolt11Features? Features { get; private set; }

    public byte[]? Metadata { get; private set; }

    public List<Bolt11FallbackAddress> Fallbacks { get; } = [];

    public List<Bolt11RouteHint> RouteHints { get; } = [];

    public void Read(byte tag, ReadOnlySpan<byte> data)
    {
        switch (tag)
        {
            case Bolt11Tag.PaymentHash when data.Length == Bolt11Tag.Hash256Words:
                PaymentHash ??= Bytes(data);
                break;
            case Bolt11Tag.PaymentSecret when data.Length == Bolt11Tag.Hash256Words:
                PaymentSecret ??= Bytes(data);
                break;
            case Bolt11Tag.DescriptionHash when data.Length == Bolt11Tag.Hash256Words:
                DescriptionHash ??= Bytes(data);
                break;
            case Bolt11Tag.PayeePublicKey when data.Length == Bolt11Tag.PublicKeyWords:
                PayeePublicKey ??= Bytes(data);
                break;
            case Bolt11Tag.Description:
                Description ??= Utf8(data);
                break;
            case Bolt11Tag.Expiry:
                Expiry ??= MinimalInteger(data, "x (expiry)");
                break;
            case Bolt11Tag.MinFinalCltvExpiry:
                MinFinalCltvExpiryDelta ??= MinimalInteger(data, "c (min_final_cltv_expiry_delta)");
                break;
            case Bolt11Tag.Features:
                Features ??= ReadFeatures(data);
                break;
            case Bolt11Tag.Metadata:
                Metadata ??= Bytes(data);
                break;
            case Bolt11Tag.Fallback:
                ReadFallback(data);
                break;
            case Bolt11Tag.RouteHint:
                RouteHints.Add(ReadRouteHint(data));
                break;
            default:
                break;
        }
    }

    private static byte[] Bytes(ReadOnlySpan<byte> words) => WordConverter.ToBytes(words, pad: false);

    private static string Utf8(ReadOnlySpan<byte> words)
    {
        try
        {
            return StrictUtf8.GetString(Bytes(words));
        }
        catch (DecoderFallbackException)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidField, "the d (description) field is not valid UTF-8");
        }
    }

    private static long MinimalInteger(ReadOnlySpan<byte> words, string field)
    {
        if (words.Length > 0 && words[0] == 0)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidField, $"the {field} field is not minimally encoded");
        }

        return WordConverter.ToInt64(words)
            ?? throw new Bolt11FormatException(Bolt11FormatError.InvalidField, $"the {field} field is too large");
    }

    private static Bolt11Features ReadFeatures(ReadOnlySpan<byte> words)
    {
        if (words.Length > 0 && words[0] == 0)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidField, "the 9 (features) field is not minimally encoded");
        }

        var features = Bolt11Features.FromWords(words);
        var unknown = features.UnknownRequiredBits.ToArray();
        if (unknown.Length > 0)
        {
            throw new Bolt11FormatException(
                Bolt11FormatError.UnknownRequiredFeature,
                $"the invoice requires unknown feature bit(s) {string.Join(", ", unknown)}");
        }

        return features;
    }

    private void ReadFallback(ReadOnlySpan<byte> words)
    {
        if (words.Length == 0)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidField, "an f (fallback) field is empty");
        }

        int version = words[0];
        if (version > Bolt11FallbackAddress.PayToScriptHash)
        {
            return;
        }

        var program = Bytes(words[1..]);
        var valid = version switch
        {
            0 => program.Length is 20 or 32,
            <= 16 => program.Length is >= 2 and <= 40,
            _ => program.Length == 20,
        };
        if (!valid)
        {
            throw new Bolt11FormatException(
                Bolt11FormatError.InvalidField,
                $"an f (fallback) field of version {version} has a {program.Length}-byte program");
        }

        Fallbacks.Add(new Bolt11FallbackAddress(version, program));
    }

    private static Bolt11RouteHint ReadRouteHint(ReadOnlySpan<byte> words)
    {
        var bytes = Bytes(words);
        if (bytes.Length == 0 || bytes.Length % Bolt11RouteHop.EncodedLength != 0)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidField, "an r (route hint) field is not a whole number of hops");
        }

        var hops = new List<Bolt11RouteHop>();
        for (var offset = 0; offset < bytes.Length; offset += Bolt11RouteHop.EncodedLength)
        {
            var hop = bytes.AsSpan(offset, Bolt11RouteHop.EncodedLength);
            hops.Add(new Bolt11RouteHop(
                hop[..33].ToArray(),
                BinaryPrimitives.ReadUInt64BigEndian(hop[33..]),
                BinaryPrimitives.ReadUInt32BigEndian(hop[41..]),
                BinaryPrimitives.ReadUInt32BigEndian(hop[45..]),
                BinaryPrimitives.ReadUInt16BigEndian(hop[49..])));
        }

        return new Bolt11RouteHint(hops);
    }
}
