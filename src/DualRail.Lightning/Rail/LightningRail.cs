using DualRail.Ledger;
using DualRail.Lightning.Bolt11;
using DualRail.Lightning.Lnd;
using DualRail.Lightning.Watcher;
using DualRail.Money;
using DualRail.Networks;
using DualRail.Protocol;
using DualRail.Rails;
using Google.Protobuf;
using Grpc.Core;
using Lnrpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Lightning.Rail;

/// <summary>
/// Bitcoin over Lightning with the preimage proof: every quote mints an LND invoice bound in the ledger to the
/// resource and amount; a payment is the invoice's preimage, accepted once the invoice is settled.
/// </summary>
public sealed class LightningRail : IPaymentRail
{
    public const string RailName = "lightning";

    private readonly LndClient _lnd;
    private readonly IPaymentLedger _ledger;
    private readonly LightningNodeStatus _status;
    private readonly IExchangeRateProvider _rates;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly LightningNetwork _network;
    private readonly Bolt11Network _bolt11Network;
    private readonly SettledInvoiceCache _settled;
    private byte[]? _nodeKey;

    public LightningRail(
        LndClient lnd,
        IPaymentLedger ledger,
        LightningNodeStatus status,
        IExchangeRateProvider rates,
        SettledInvoiceCache settledInvoices,
        IOptions<LightningRailOptions> options,
        TimeProvider timeProvider,
        ILogger<LightningRail> logger)
    {
        _lnd = lnd;
        _ledger = ledger;
        _status = status;
        _rates = rates;
        _timeProvider = timeProvider;
        _logger = logger;
        if (!LightningRailNetwork.TryResolve(options.Value.Network, out var network))
        {
            throw new InvalidOperationException($"{LightningRailOptions.SectionName}:Network is not a Lightning network.");
        }

        _network = network;
        _bolt11Network = LightningRailNetwork.ToBolt11(network);
        _settled = settledInvoices;
    }

    public string Name => RailName;

    /// <summary>The CAIP-2 id of the node's network.</summary>
    public string Network => _network.Id.ToString();

    public bool IsAvailable => _status.IsAvailable;

    public bool CanHandle(PaymentPayload payload) =>
        payload.EffectiveScheme == LightningRequirements.Scheme && payload.EffectiveNetwork == Network;

    public async ValueTask<IReadOnlyList<PaymentRequirements>> QuoteAsync(PaymentContext context, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return [];
        }

        var amountMsat = await PriceInMillisatoshisAsync(context, cancellationToken);
        if (amountMsat is not { } msat)
        {
            return [];
        }

        Bolt11Invoice invoice;
        try
        {
            var added = await _lnd.Lightning.AddInvoiceAsync(
                new Invoice { ValueMsat = msat, Memo = context.Description ?? context.ResourceKey, Expiry = context.MaxTimeoutSeconds },
                cancellationToken: cancellationToken);
            invoice = DecodeOwnInvoice(added.PaymentRequest);
            if (!invoice.PaymentHash.AsSpan().SequenceEqual(added.RHash.Span) || invoice.AmountMsat != msat)
            {
                throw new Bolt11FormatException(Bolt11FormatError.InvalidField, "LND returned an invoice that does not match the request");
            }
        }
        catch (Exception ex) when (ex is RpcException or Bolt11FormatException)
        {
            LightningRailLog.AddInvoiceFailed(_logger, ex, context.ResourceKey);
            return [];
        }

        var requirements = LightningRequirements.Create(Network, invoice, msat, context.MaxTimeoutSeconds);
        await _ledger.RecordInvoiceAsync(
            new IssuedInvoice
            {
                PaymentHash = invoice.PaymentHashHex,
                ResourceKey = context.ResourceKey,
                AmountMsat = msat,
                Network = Network,
                Bolt11 = invoice.PaymentRequest,
                PayTo = invoice.PayeePublicKeyHex,
                ExpiresAt = invoice.ExpiresAt,
                Requirements = requirements,
            },
            cancellationToken);
        LightningRailLog.InvoiceMinted(_logger, invoice.PaymentHashHex, context.ResourceKey, msat, invoice.ExpiresAt);
        return [requirements];
    }

    /// <summary>The invoice the payload's payment hash names, when this server minted it (and, for v2, the echoed
    /// <c>accepted</c> is that invoice's entry). Resource, amount, expiry and settlement are checked by
    /// <see cref="VerifyAsync"/>, which gives the reason.</summary>
    public async ValueTask<PaymentRequirements?> MatchAsync(PaymentPayload payload, PaymentContext context, CancellationToken cancellationToken)
    {
        if (!LightningProof.TryReadPaymentHash(payload.Payload, out var paymentHash))
        {
            return null;
        }

        var invoice = await GetInvoiceAsync(Convert.ToHexStringLower(paymentHash), cancellationToken);
        if (invoice is null || invoice.Network != Network)
        {
            return null;
        }

        if (payload.Accepted is not null && !PaymentRequirementsComparer.DeepEquals(payload.Accepted, invoice.Requirements))
        {
            return null;
        }

        return invoice.Requirements;
    }

    public async ValueTask<PaymentVerification> VerifyAsync(
        PaymentPayload payload, PaymentRequirements requirements, PaymentContext context, CancellationToken cancellationToken)
    {
        if (!LightningProof.TryParse(payload.Payload, out var proof, out var shapeError))
        {
            return PaymentVerification.Invalid(ReasonCodes.InvalidPayload, shapeError);
        }

        if (!proof.PreimageMatches)
        {
            return Refuse(proof, context, ReasonCodes.InvalidLightningPreimage, "sha256(preimage) is not the payment hash");
        }

        var invoice = await GetInvoiceAsync(proof.PaymentHashHex, cancellationToken);
        if (invoice is null || invoice.Network != Network)
        {
            return Refuse(proof, context, ReasonCodes.InvalidLightningInvoiceUnknown, "the payment hash is not an invoice this server minted");
        }

        if (!BoundTo(invoice, requirements, context))
        {
            return Refuse(proof, context, ReasonCodes.InvalidLightningInvoiceMismatch, "the invoice was minted for another resource or amount");
        }

        // A settlement the ledger holds is final and needs no LND: it is honoured even while LND is unreachable.
        var settledAt = invoice.SettledAt;
        if (settledAt is null)
        {
            if (!IsAvailable)
            {
                return Refuse(proof, context, ReasonCodes.UnexpectedVerifyError, "LND is unreachable and the ledger does not record the invoice as settled");
            }

            var node = await SettledAtNodeAsync(proof, cancellationToken);
            if (node.Unreachable)
            {
                return Refuse(proof, context, ReasonCodes.UnexpectedVerifyError, "LND could not be asked whether the invoice is settled");
            }

            settledAt = node.SettledAt;
            if (settledAt is { } at)
            {
                _settled.Add(invoice with { SettledAt = at });
            }
        }

        // A payment made in time is honoured even if the retry comes after expiry; an unpaid invoice past its expiry
        // can no longer be paid.
        if (settledAt is null)
        {
            return _timeProvider.GetUtcNow() >= invoice.ExpiresAt
                ? Refuse(proof, context, ReasonCodes.InvalidLightningInvoiceExpired, "the invoice expired unpaid")
                : Refuse(proof, context, ReasonCodes.InvalidLightningInvoiceNotSettled, "LND does not report the invoice as settled");
        }

        if (settledAt > invoice.ExpiresAt)
        {
            return Refuse(proof, context, ReasonCodes.InvalidLightningInvoiceExpired, "the invoice was settled after it expired");
        }

        // Settled is final on Lightning: nothing is left to move, so the server records the receipt settled at once.
        return PaymentVerification.Final(proof.SingleUseKey, Network, PaymentSettlement.Succeeded(Network, proof.PaymentHashHex));
    }

    /// <summary>A settled invoice is final: there is nothing to move, so settling only reports the payment hash.</summary>
    public ValueTask<PaymentSettlement> SettleAsync(PaymentPayload payload, PaymentRequirements requirements, CancellationToken cancellationToken)
    {
        return LightningProof.TryReadPaymentHash(payload.Payload, out var paymentHash)
            ? ValueTask.FromResult(PaymentSettlement.Succeeded(Network, Convert.ToHexStringLower(paymentHash)))
            : ValueTask.FromResult(PaymentSettlement.Failed(Network, ReasonCodes.InvalidPayload, "payload.paymentHash is missing"));
    }

    private async ValueTask<long?> PriceInMillisatoshisAsync(PaymentContext context, CancellationToken cancellationToken)
    {
        try
        {
            var rate = context.Price.IsBitcoin ? 0 : await _rates.GetUsdPerBtcAsync(cancellationToken);
            var msat = context.Price.ToMillisatoshis(rate);
            if (msat > 0)
            {
                return msat;
            }

            LightningRailLog.NoQuote(_logger, context.ResourceKey, $"{context.Price} is less than one millisatoshi");
        }
        catch (Exception ex) when (ex is InvalidOperationException or OverflowException)
        {
            LightningRailLog.NoQuote(_logger, context.ResourceKey, ex.Message);
        }

        return null;
    }

    private static bool BoundTo(IssuedInvoice invoice, PaymentRequirements requirements, PaymentContext context)
    {
        if (invoice.ResourceKey != context.ResourceKey || requirements.Amount != invoice.Requirements.Amount)
        {
            return false;
        }

        // A bitcoin price is exact, so the invoice must still carry it; a USD price was converted at the rate of
        // the quote, and the invoice stays bound to that amount.
        return !context.Price.IsBitcoin || context.Price.ToMillisatoshis() == invoice.AmountMsat;
    }

    /// <summary>
    /// Decodes an invoice LND just minted. The first one's signature is checked in full and gives the node's key;
    /// later ones come over the same pinned-TLS, macaroon-checked channel from the same node (the macaroon is bound to
    /// its wallet), so their signature is not checked again (a public-key recovery per 402).
    /// </summary>
    private Bolt11Invoice DecodeOwnInvoice(string paymentRequest)
    {
        if (Volatile.Read(ref _nodeKey) is { } nodeKey)
        {
            return Bolt11Decoder.DecodeFromOwnNode(paymentRequest, _bolt11Network, nodeKey);
        }

        var invoice = Bolt11Decoder.Decode(paymentRequest, _bolt11Network);
        Volatile.Write(ref _nodeKey, invoice.PayeePublicKey);
        return invoice;
    }

    /// <summary>The invoice from the cache of settled ones, else from the ledger (cached when settled).</summary>
    private async ValueTask<IssuedInvoice?> GetInvoiceAsync(string paymentHashHex, CancellationToken cancellationToken)
    {
        if (_settled.TryGet(paymentHashHex, out var cached))
        {
            return cached;
        }

        var invoice = await _ledger.GetInvoiceAsync(paymentHashHex, cancellationToken);
        if (invoice is { SettledAt: not null })
        {
            _settled.Add(invoice);
        }

        return invoice;
    }

    /// <summary>
    /// When LND settled the invoice (recording it in the ledger); SettledAt null when it is not settled or LND does
    /// not know it, Unreachable when LND could not be asked.
    /// </summary>
    private async ValueTask<(DateTimeOffset? SettledAt, bool Unreachable)> SettledAtNodeAsync(LightningProof proof, CancellationToken cancellationToken)
    {
        Invoice invoice;
        try
        {
            invoice = await _lnd.Lightning.LookupInvoiceAsync(
                new PaymentHash { RHash = ByteString.CopyFrom(proof.PaymentHash) },
                cancellationToken: cancellationToken);
        }
        catch (RpcException ex)
        {
            LightningRailLog.LookupFailed(_logger, ex, proof.PaymentHashHex);
            return (null, LndTransientErrors.IsTransient(ex) || LndTransientErrors.IsCertificateRejected(ex));
        }

        if (invoice.State != Invoice.Types.InvoiceState.Settled)
        {
            return (null, false);
        }

        var settledAt = invoice.SettleDate > 0 ? DateTimeOffset.FromUnixTimeSeconds(invoice.SettleDate) : _timeProvider.GetUtcNow();
        await _ledger.MarkInvoiceSettledAsync(proof.PaymentHashHex, settledAt, cancellationToken);
        return (settledAt, false);
    }

    private PaymentVerification Refuse(LightningProof proof, PaymentContext context, string reason, string message)
    {
        LightningRailLog.Refused(_logger, proof.PaymentHashHex, context.ResourceKey, message);
        return PaymentVerification.Invalid(reason, message);
    }
}
