using System.Buffers.Binary;
using System.Text;

namespace DualRail.Lightning.Bolt11;

/// <summary>
/// Builds and signs a BOLT #11 invoice. Tagged fields are written in the order they are added, so an invoice can be
/// reproduced exactly; <see cref="Sign"/> checks the fields every invoice needs (one p, one s, one d or h).
/// </summary>
public sealed class Bolt11Encoder
{
    private const long MaxTimestamp = (1L << 35) - 1;

    private readonly Bolt11Network _network;
    private readonly long _timestamp;
    private readonly List<(byte Tag, byte[] Words)> _fields = [];
    private long? _amountMsat;

    public Bolt11Encoder(Bolt11Network network, DateTimeOffset timestamp)
    {
        var seconds = timestamp.ToUnixTimeSeconds();
        ArgumentOutOfRangeException.ThrowIfNegative(seconds, nameof(timestamp));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, MaxTimestamp, nameof(timestamp));
        _network = network;
        _timestamp = seconds;
    }

    /// <summary>The amount in millisatoshis; null (the default) invoices any amount.</summary>
    public Bolt11Encoder WithAmountMsat(long? amountMsat)
    {
        if (amountMsat is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(amountMsat));
        }

        _amountMsat = amountMsat;
        return this;
    }

    public Bolt11Encoder AddPaymentHash(ReadOnlySpan<byte> paymentHash) => AddHash256(Bolt11Tag.PaymentHash, paymentHash, nameof(paymentHash));

    public Bolt11Encoder AddPaymentSecret(ReadOnlySpan<byte> paymentSecret) => AddHash256(Bolt11Tag.PaymentSecret, paymentSecret, nameof(paymentSecret));

    public Bolt11Encoder AddDescriptionHash(ReadOnlySpan<byte> descriptionHash) => AddHash256(Bolt11Tag.DescriptionHash, descriptionHash, nameof(descriptionHash));

    public Bolt11Encoder AddDescription(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return Add(Bolt11Tag.Description, WordConverter.ToWords(Encoding.UTF8.GetBytes(description)));
    }

    /// <summary>The <c>n</c> field; it must be the public key of the key that signs.</summary>
    public Bolt11Encoder AddPayeePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 33)
        {
            throw new ArgumentException("a payee public key is 33 bytes (compressed)", nameof(publicKey));
        }

        return Add(Bolt11Tag.PayeePublicKey, WordConverter.ToWords(publicKey));
    }

    public Bolt11Encoder AddExpiry(long seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        return Add(Bolt11Tag.Expiry, WordConverter.FromInt64(seconds));
    }

    public Bolt11Encoder AddMinFinalCltvExpiryDelta(long blocks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blocks);
        return Add(Bolt11Tag.MinFinalCltvExpiry, WordConverter.FromInt64(blocks));
    }

    public Bolt11Encoder AddFallbackAddress(Bolt11FallbackAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfNegative(address.Version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address.Version, 31);
        return Add(Bolt11Tag.Fallback, [(byte)address.Version, .. WordConverter.ToWords(address.Program)]);
    }

    public Bolt11Encoder AddRouteHint(Bolt11RouteHint hint)
    {
        ArgumentNullException.ThrowIfNull(hint);
        if (hint.Hops.Count == 0)
        {
            throw new ArgumentException("a route hint has at least one hop", nameof(hint));
        }

        var bytes = new byte[hint.Hops.Count * Bolt11RouteHop.EncodedLength];
        for (var i = 0; i < hint.Hops.Count; i++)
        {
            var hop = hint.Hops[i];
            if (hop.PublicKey.Length != 33)
            {
                throw new ArgumentException("a route hop's public key is 33 bytes", nameof(hint));
            }

            var span = bytes.AsSpan(i * Bolt11RouteHop.EncodedLength, Bolt11RouteHop.EncodedLength);
            hop.PublicKey.CopyTo(span);
            BinaryPrimitives.WriteUInt64BigEndian(span[33..], hop.ShortChannelId);
            BinaryPrimitives.WriteUInt32BigEndian(span[41..], hop.FeeBaseMsat);
            BinaryPrimitives.WriteUInt32BigEndian(span[45..], hop.FeeProportionalMillionths);
            BinaryPrimitives.WriteUInt16BigEndian(span[49..], hop.CltvExpiryDelta);
        }

        return Add(Bolt11Tag.RouteHint, WordConverter.ToWords(bytes));
    }

    public Bolt11Encoder AddFeatures(params int[] setBits) => AddFeatures(new Bolt11Features(setBits));

    public Bolt11Encoder AddFeatures(Bolt11Features features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Add(Bolt11Tag.Features, features.ToWords());
    }

    public Bolt11Encoder AddMetadata(ReadOnlySpan<byte> metadata) => Add(Bolt11Tag.Metadata, WordConverter.ToWords(metadata));

    /// <summary>Signs with the node's 32-byte private key and returns the lower-case invoice.</summary>
    /// <exception cref="InvalidOperationException">A required field is missing, or the n field names another key.</exception>
    public string Sign(ReadOnlySpan<byte> nodePrivateKey)
    {
        if (nodePrivateKey.Length != 32)
        {
            throw new ArgumentException("a node private key is 32 bytes", nameof(nodePrivateKey));
        }

        RequireExactlyOne(Bolt11Tag.PaymentHash, "p (payment hash)");
        RequireExactlyOne(Bolt11Tag.PaymentSecret, "s (payment secret)");
        if (Count(Bolt11Tag.Description) + Count(Bolt11Tag.DescriptionHash) != 1)
        {
            throw new InvalidOperationException("an invoice has exactly one d (description) or h (description hash) field");
        }

        var statedPayee = _fields.FirstOrDefault(f => f.Tag == Bolt11Tag.PayeePublicKey).Words;
        if (statedPayee is not null
            && !WordConverter.ToBytes(statedPayee, pad: false).AsSpan().SequenceEqual(Bolt11Signature.PublicKeyOf(nodePrivateKey)))
        {
            throw new InvalidOperationException("the n field does not match the signing key");
        }

        var hrp = "ln" + Bolt11NetworkPrefix.Of(_network) + (_amountMsat is { } msat ? Bolt11Amount.Format(msat) : string.Empty);
        var words = new List<byte>(WordConverter.FromInt64(_timestamp, 7));
        foreach (var (tag, data) in _fields)
        {
            words.Add(tag);
            words.Add((byte)(data.Length >> 5));
            words.Add((byte)(data.Length & 31));
            words.AddRange(data);
        }

        var signedWords = words.ToArray();
        var signature = Bolt11Signature.Sign(Bolt11Decoder.SigningHash(hrp, signedWords), nodePrivateKey);
        return Bech32.Encode(hrp, [.. signedWords, .. WordConverter.ToWords(signature)]);
    }

    private Bolt11Encoder AddHash256(byte tag, ReadOnlySpan<byte> value, string name)
    {
        if (value.Length != 32)
        {
            throw new ArgumentException("the value is 32 bytes", name);
        }

        return Add(tag, WordConverter.ToWords(value));
    }

    private Bolt11Encoder Add(byte tag, byte[] words)
    {
        if (words.Length > Bolt11Tag.MaxDataWords)
        {
            throw new ArgumentException($"a tagged field holds at most {Bolt11Tag.MaxDataWords} words (639 bytes)");
        }

        _fields.Add((tag, words));
        return this;
    }

    private int Count(byte tag) => _fields.Count(f => f.Tag == tag);

    private void RequireExactlyOne(byte tag, string name)
    {
        if (Count(tag) != 1)
        {
            throw new InvalidOperationException($"an invoice has exactly one {name} field");
        }
    }
}
