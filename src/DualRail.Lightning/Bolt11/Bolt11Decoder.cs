using System.Security.Cryptography;
using System.Text;

namespace DualRail.Lightning.Bolt11;

/// <summary>Decodes and checks BOLT #11 payment requests.</summary>
public static class Bolt11Decoder
{
    /// <summary>The longest invoice accepted (lnd's limit); bounds the work done on untrusted input.</summary>
    public const int MaxLength = 7089;

    private const int TimestampWords = 7;
    private const int SignatureWords = 104;
    private const string UriScheme = "lightning:";

    /// <summary>
    /// Decodes <paramref name="paymentRequest"/>, checks its checksum, fields and signature, and returns it.
    /// With <paramref name="expected"/>, an invoice for another network is refused.
    /// </summary>
    /// <exception cref="Bolt11FormatException">The invoice is not valid; the exception says why.</exception>
    public static Bolt11Invoice Decode(string paymentRequest, Bolt11Network? expected = null) =>
        Decode(paymentRequest, expected, trustedPayee: null);

    /// <summary>
    /// Decodes an invoice that the payee's own node just returned over an authenticated channel (LND's AddInvoice
    /// answer on a pinned-TLS, macaroon-checked connection): checksum, network and fields are checked like
    /// <see cref="Decode(string, Bolt11Network?)"/>, but the signature is not, and the payee is
    /// <paramref name="payee"/>, a key learnt from a fully checked invoice of the same node. An <c>n</c> field naming
    /// another key is refused. Never use it for invoices from anyone else.
    /// </summary>
    /// <exception cref="Bolt11FormatException">The invoice is not valid; the exception says why.</exception>
    public static Bolt11Invoice DecodeFromOwnNode(string paymentRequest, Bolt11Network expected, byte[] payee)
    {
        ArgumentNullException.ThrowIfNull(payee);
        return Decode(paymentRequest, expected, payee);
    }

    private static Bolt11Invoice Decode(string paymentRequest, Bolt11Network? expected, byte[]? trustedPayee)
    {
        ArgumentNullException.ThrowIfNull(paymentRequest);
        var text = paymentRequest.Trim();
        if (text.StartsWith(UriScheme, StringComparison.OrdinalIgnoreCase))
        {
            text = text[UriScheme.Length..];
        }

        if (text.Length == 0 || text.Length > MaxLength)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidBech32, $"the invoice must have 1 to {MaxLength} characters");
        }

        var (hrp, words) = Bech32.Decode(text);
        var (network, amountMsat) = ParseHumanReadablePart(hrp);
        if (expected is { } want && want != network)
        {
            throw new Bolt11FormatException(Bolt11FormatError.WrongNetwork, $"the invoice is for {network}, expected {want}");
        }

        if (words.Length < TimestampWords + SignatureWords)
        {
            throw new Bolt11FormatException(Bolt11FormatError.Truncated, "the data part is too short for a timestamp and a signature");
        }

        var signed = words.AsSpan(0, words.Length - SignatureWords);
        var fields = ReadFields(signed[TimestampWords..]);
        var signatureBytes = WordConverter.ToBytes(words.AsSpan(words.Length - SignatureWords), pad: false);
        var compact = signatureBytes[..64];
        int recoveryId = signatureBytes[64];
        if (recoveryId > 3)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidSignature, "the recovery id is not 0-3");
        }

        byte[] payee;
        if (trustedPayee is not null)
        {
            payee = fields.PayeePublicKey is not { } named || named.AsSpan().SequenceEqual(trustedPayee)
                ? trustedPayee.ToArray()
                : throw new Bolt11FormatException(Bolt11FormatError.InvalidSignature, "the n field names another payee than the node's key");
        }
        else
        {
            var hash = SigningHash(hrp, signed);
            payee = fields.PayeePublicKey is { } stated
                ? VerifyStatedPayee(hash, compact, stated)
                : RecoverPayee(hash, compact, recoveryId);
        }

        return new Bolt11Invoice
        {
            PaymentRequest = text.ToLowerInvariant(),
            Network = network,
            AmountMsat = amountMsat,
            Timestamp = WordConverter.ToInt64(signed[..TimestampWords])!.Value,
            PaymentHash = fields.PaymentHash ?? throw Missing("p (payment hash)"),
            PaymentSecret = fields.PaymentSecret ?? throw Missing("s (payment secret)"),
            Description = fields.Description,
            DescriptionHash = fields.DescriptionHash,
            PayeePublicKey = payee,
            HasExplicitPayee = fields.PayeePublicKey is not null,
            ExpirySeconds = fields.Expiry ?? Bolt11Invoice.DefaultExpirySeconds,
            MinFinalCltvExpiryDelta = fields.MinFinalCltvExpiryDelta ?? Bolt11Invoice.DefaultMinFinalCltvExpiryDelta,
            FallbackAddresses = fields.Fallbacks,
            RouteHints = fields.RouteHints,
            Features = fields.Features ?? Bolt11Features.None,
            Metadata = fields.Metadata,
            Signature = compact,
            RecoveryId = recoveryId,
        };
    }

    /// <summary>Like <see cref="Decode"/>, but returns false instead of throwing.</summary>
    public static bool TryDecode(string paymentRequest, out Bolt11Invoice? invoice, Bolt11Network? expected = null)
    {
        try
        {
            invoice = Decode(paymentRequest, expected);
            return true;
        }
        catch (Bolt11FormatException)
        {
            invoice = null;
            return false;
        }
    }

    /// <summary>SHA-256 over the HRP bytes and the data words before the signature, regrouped into zero-padded bytes.</summary>
    internal static byte[] SigningHash(string hrp, ReadOnlySpan<byte> signedWords)
    {
        var hrpBytes = Encoding.UTF8.GetBytes(hrp);
        var dataBytes = WordConverter.ToBytes(signedWords, pad: true);
        return SHA256.HashData([.. hrpBytes, .. dataBytes]);
    }

    private static (Bolt11Network Network, long? AmountMsat) ParseHumanReadablePart(string hrp)
    {
        if (!hrp.StartsWith("ln", StringComparison.Ordinal))
        {
            throw new Bolt11FormatException(Bolt11FormatError.UnknownNetwork, "the human-readable part does not start with 'ln'");
        }

        var rest = hrp[2..];
        var currencyLength = 0;
        while (currencyLength < rest.Length && !char.IsAsciiDigit(rest[currencyLength]))
        {
            currencyLength++;
        }

        var network = Bolt11NetworkPrefix.Parse(rest[..currencyLength])
            ?? throw new Bolt11FormatException(Bolt11FormatError.UnknownNetwork, $"'{Truncate(rest[..currencyLength])}' is not a known currency prefix");
        return (network, Bolt11Amount.ParseMillisatoshis(rest[currencyLength..]));
    }

    private static Bolt11Fields ReadFields(ReadOnlySpan<byte> words)
    {
        var fields = new Bolt11Fields();
        var position = 0;
        while (position < words.Length)
        {
            if (words.Length - position < 3)
            {
                throw new Bolt11FormatException(Bolt11FormatError.Truncated, "a tagged field header is cut off");
            }

            var tag = words[position];
            var length = (words[position + 1] << 5) | words[position + 2];
            position += 3;
            if (words.Length - position < length)
            {
                throw new Bolt11FormatException(Bolt11FormatError.Truncated, "a tagged field is longer than the data that remains");
            }

            fields.Read(tag, words.Slice(position, length));
            position += length;
        }

        if (fields.Description is not null && fields.DescriptionHash is not null)
        {
            throw new Bolt11FormatException(Bolt11FormatError.MissingField, "the invoice has both d (description) and h (description hash)");
        }

        if (fields.Description is null && fields.DescriptionHash is null)
        {
            throw Missing("d (description) or h (description hash)");
        }

        return fields;
    }

    private static byte[] VerifyStatedPayee(byte[] hash, byte[] compact, byte[] stated)
    {
        if (Bolt11Signature.IsHighS(compact))
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidSignature, "the signature is high-S while an n field names the payee");
        }

        if (!Bolt11Signature.Verify(hash, compact, stated))
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidSignature, "the signature does not verify against the payee in the n field");
        }

        return stated;
    }

    private static byte[] RecoverPayee(byte[] hash, byte[] compact, int recoveryId) =>
        Bolt11Signature.Recover(hash, compact, recoveryId)
        ?? throw new Bolt11FormatException(Bolt11FormatError.InvalidSignature, "no public key can be recovered from the signature");

    private static Bolt11FormatException Missing(string field) =>
        new(Bolt11FormatError.MissingField, $"the required field {field} is missing");

    private static string Truncate(string value) => value.Length <= 16 ? value : value[..16] + "...";
}
