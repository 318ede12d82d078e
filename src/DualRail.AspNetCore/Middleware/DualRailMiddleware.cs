using DualRail.AspNetCore.Configuration;
using DualRail.AspNetCore.Endpoints;
using DualRail.Ledger;
using DualRail.Protocol;
using DualRail.Rails;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.AspNetCore.Middleware;

/// <summary>
/// The paid-request flow (design.md steps 1-10): no price, no cost; no payment, 402; a malformed one,
/// 400; otherwise match, verify, reserve, run the handler buffered, and settle by the route's mode.
/// Nothing is served unpaid: every refusal is a 400/402 written before the handler runs, or a
/// discarded buffer.
/// </summary>
internal sealed partial class DualRailMiddleware
{
    private readonly RequestDelegate _next;
    private readonly PaidResourceResolver _resolver;
    private readonly PaymentRequiredResponder _responder;
    private readonly DualRailEndpoints _endpoints;
    private readonly IPaymentRail[] _rails;
    private readonly IPaymentLedger _ledger;
    private readonly DualRailOptions _options;
    private readonly string? _publicBaseUrl;
    private readonly ILogger<DualRailMiddleware> _logger;

    public DualRailMiddleware(
        RequestDelegate next,
        PaidResourceResolver resolver,
        PaymentRequiredResponder responder,
        DualRailEndpoints endpoints,
        IEnumerable<IPaymentRail> rails,
        IPaymentLedger ledger,
        IOptions<DualRailOptions> options,
        ILogger<DualRailMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(next);
        _next = next;
        _resolver = resolver;
        _responder = responder;
        _endpoints = endpoints;
        _rails = rails.ToArray();
        _ledger = ledger;
        _options = options.Value;
        _publicBaseUrl = _options.PublicBaseUrl?.TrimEnd('/');
        _logger = logger;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_endpoints.TryHandle(context, out var handled))
            return handled;
        if (HttpMethods.IsOptions(context.Request.Method))
            return _next(context); // CORS preflights are never priced
        var paid = _resolver.Resolve(context);
        return paid is null ? _next(context) : InvokePaidAsync(context, paid);
    }

    private async Task InvokePaidAsync(HttpContext context, PaidResource paid)
    {
        var payment = BuildContext(context, paid);
        var ct = context.RequestAborted;

        if (!PaymentHeaderReader.TryRead(context.Request, out var header, out var headerError))
        {
            await _responder.WriteBadRequestAsync(context, payment.ResourceKey, ReasonCodes.InvalidPayload, headerError);
            return;
        }
        if (header is null)
        {
            await _responder.WriteAsync(context, payment, error: null);
            return;
        }
        if (!X402HeaderCodec.TryDecodePaymentPayload(header, out var payload, out var reason))
        {
            await _responder.WriteBadRequestAsync(context, payment.ResourceKey, reason, "The payment header is not a valid x402 payment payload.");
            return;
        }

        var rail = FindRail(payload!);
        if (rail is null)
        {
            var accepts = await _responder.QuoteAsync(payment, ct);
            var known = accepts.Any(a => a.Network == payload!.EffectiveNetwork);
            await Refuse402Async(context, payment, accepts, known ? ReasonCodes.UnsupportedScheme : ReasonCodes.InvalidNetwork);
            return;
        }

        // A rail that is down (LND unreachable) may still prove a payment that is final, e.g. an invoice the ledger
        // records as settled; whatever else it says, the payment may be good, so the answer is that the rail is down.
        var railDown = !rail.IsAvailable;
        PaymentRequirements? requirements;
        PaymentVerification verification;
        try
        {
            requirements = await rail.MatchAsync(payload!, payment, ct);
            verification = requirements is null
                ? PaymentVerification.Invalid(ReasonCodes.InvalidPaymentRequirements, "The payment matches no requirement this server issued.")
                : await rail.VerifyAsync(payload!, requirements, payment, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.RailThrew(_logger, rail.Name, "verify", ex);
            verification = PaymentVerification.Invalid(ReasonCodes.UnexpectedVerifyError);
            requirements = null;
        }
        if (!verification.IsValid || requirements is null)
        {
            await Refuse402Async(context, payment, null, railDown ? ReasonCodes.UnexpectedVerifyError : verification.InvalidReason ?? ReasonCodes.InvalidPayment);
            return;
        }
        if (railDown && verification.FinalSettlement is null)
        {
            // A rail that is down settles nothing: only a payment already final at verification can be served.
            await Refuse402Async(context, payment, null, ReasonCodes.UnexpectedVerifyError);
            return;
        }

        var key = verification.SingleUseKey;
        if (!await _ledger.TryReserveAsync(key, payment.ResourceKey, ct))
        {
            Log.Replay(_logger, payment.ResourceKey, rail.Name);
            await Refuse402Async(context, payment, null, ReasonCodes.PaymentAlreadyUsed);
            return;
        }

        await ServeReservedAsync(context, payment, new VerifiedPayment(rail, payload!, requirements, verification));
    }

    private async Task ServeReservedAsync(HttpContext context, PaymentContext payment, VerifiedPayment paid)
    {
        var key = paid.Verification.SingleUseKey;
        var final = paid.Verification.FinalSettlement;
        Receipt? receipt = null;
        if (payment.SettlementMode == SettlementMode.SettleFirst && final is null)
        {
            if (await ReleaseIfClientGoneAsync(context, payment, key))
                return;
            // Settlement and its recording never take the request's token: once started, a client's abort must not lose them.
            var settled = await SettleAsync(paid);
            // A successful settlement marks the reservation served in the same transaction: money that moved is never reusable.
            receipt = await RecordAsync(paid, settled);
            if (!settled.Success)
            {
                await ReleaseAsync(key);
                await RefuseSettlementAsync(context, payment, paid, settled);
                return;
            }
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        await using var buffer = new BufferedResponseBody(_options.MaxBufferedResponseBytes);
        context.Features.Set<IHttpResponseBodyFeature>(buffer);
        try
        {
            await _next(context);
        }
        catch
        {
            context.Features.Set(original);
            await HandlerFailedAsync(payment, key, receipt, StatusCodes.Status500InternalServerError);
            throw;
        }
        context.Features.Set(original);

        if (context.Response.StatusCode >= 400)
        {
            await HandlerFailedAsync(payment, key, receipt, context.Response.StatusCode);
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        if (receipt is null)
        {
            if (await ReleaseIfClientGoneAsync(context, payment, key))
                return;
            receipt = await ChargeAsync(context, payment, paid, final);
            if (receipt is null)
                return;
        }

        WritePaymentResponse(context.Response, paid, receipt);
        Log.Served(_logger, payment.ResourceKey, paid.Rail.Name, payment.SettlementMode, receipt.Id);
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Records the payment of a served response by the route's mode; null when a Sync settlement failed (402 written).</summary>
    private async Task<Receipt?> ChargeAsync(HttpContext context, PaymentContext payment, VerifiedPayment paid, PaymentSettlement? final)
    {
        var key = paid.Verification.SingleUseKey;
        if (final is not null)
        {
            // Final at verification (a settled invoice): nothing to move, record it settled now, in every mode.
            return await RecordAsync(paid, final with { Payer = final.Payer ?? paid.Verification.Payer });
        }
        if (payment.SettlementMode != SettlementMode.Sync)
        {
            return await _ledger.EnqueueSettlementAsync(new SettlementRequest
            {
                SingleUseKey = key,
                Rail = paid.Rail.Name,
                ResourceKey = payment.ResourceKey,
                Payload = paid.Payload,
                Requirements = paid.Requirements,
                Payer = paid.Verification.Payer,
            }, CancellationToken.None);
        }

        var settled = await SettleAsync(paid);
        var receipt = await RecordAsync(paid, settled);
        if (settled.Success)
            return receipt;
        await ReleaseAsync(key);
        context.Response.Headers.Clear();
        await RefuseSettlementAsync(context, payment, paid, settled);
        return null;
    }

    /// <summary>
    /// Records a settlement as a receipt (a successful one marks the reservation served). Should the ledger
    /// refuse it, the request fails (500) and is never served unrecorded: a payment this request settled is
    /// still marked used if at all possible and its transaction logged for reconciliation; a payment final at
    /// verification is released, so the client can try again and have it recorded then.
    /// </summary>
    private async Task<Receipt> RecordAsync(VerifiedPayment paid, PaymentSettlement settled)
    {
        var key = paid.Verification.SingleUseKey;
        try
        {
            return await _ledger.RecordReceiptAsync(key, paid.Rail.Name, settled, CancellationToken.None);
        }
        catch (Exception ex) when (settled.Success)
        {
            if (paid.Verification.FinalSettlement is not null)
            {
                await ReleaseAsync(key);
                throw;
            }
            Log.SettledButNotRecorded(_logger, paid.Rail.Name, settled.Network, settled.Transaction ?? "", ex);
            try
            {
                await _ledger.MarkServedAsync(key, CancellationToken.None);
            }
            catch (Exception markFailure)
            {
                Log.MarkUsedFailed(_logger, markFailure);
            }
            throw;
        }
    }

    /// <summary>
    /// A client that hung up before anything was charged is not charged: the reservation is released
    /// (the payment can be used again) and nothing is written. One that hangs up later still pays:
    /// nothing stops a settlement once it started.
    /// </summary>
    private async Task<bool> ReleaseIfClientGoneAsync(HttpContext context, PaymentContext payment, string key)
    {
        if (!context.RequestAborted.IsCancellationRequested)
            return false;
        await ReleaseAsync(key);
        Log.ClientGone(_logger, payment.ResourceKey);
        return true;
    }

    private async Task HandlerFailedAsync(PaymentContext payment, string key, Receipt? settledFirst, int statusCode)
    {
        if (settledFirst is not null)
        {
            // SettleFirst: the money moved before the handler ran, the payment stays used (its reservation is served).
            Log.HandlerFailedAfterSettlement(_logger, payment.ResourceKey, statusCode, settledFirst.Id);
            return;
        }
        await ReleaseAsync(key);
        Log.HandlerFailed(_logger, payment.ResourceKey, statusCode);
    }

    private async Task<PaymentSettlement> SettleAsync(VerifiedPayment paid)
    {
        try
        {
            return await paid.Rail.SettleAsync(paid.Payload, paid.Requirements, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.RailThrew(_logger, paid.Rail.Name, "settle", ex);
            return PaymentSettlement.Failed(paid.Requirements.Network, ReasonCodes.UnexpectedSettleError, transient: true);
        }
    }

    private async Task RefuseSettlementAsync(HttpContext context, PaymentContext payment, VerifiedPayment paid, PaymentSettlement settled)
    {
        Log.SettlementFailed(_logger, payment.ResourceKey, paid.Rail.Name, settled.ErrorReason ?? "");
        var failure = settled.ToSettleResponse() with { Payer = settled.Payer ?? paid.Verification.Payer };
        await _responder.WriteAsync(context, payment, settled.ErrorReason ?? ReasonCodes.UnexpectedSettleError, failure);
    }

    private async Task Refuse402Async(HttpContext context, PaymentContext payment, IReadOnlyList<PaymentRequirements>? accepts, string reason)
    {
        Log.Refused(_logger, payment.ResourceKey, reason);
        if (accepts is null)
            await _responder.WriteAsync(context, payment, reason);
        else
            await _responder.WriteAsync(context, payment, accepts, reason);
    }

    private static void WritePaymentResponse(HttpResponse response, VerifiedPayment paid, Receipt receipt)
    {
        var settle = receipt.ToSettleResponse() with
        {
            Payer = receipt.Payer ?? paid.Verification.Payer,
            Amount = paid.Requirements.Amount,
        };
        response.Headers[X402Headers.PaymentResponse] = X402HeaderCodec.Encode(settle);
        if (paid.Payload.X402Version == 1)
            response.Headers[X402Headers.XPaymentResponse] = X402HeaderCodec.Encode(X402VersionConverter.ToV1(settle));
        X402CorsHeaders.Expose(response);
    }

    private async Task ReleaseAsync(string key)
    {
        try
        {
            await _ledger.ReleaseAsync(key, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The reservation then expires after DualRail:Ledger:ReservationTimeout.
            Log.ReleaseFailed(_logger, ex);
        }
    }

    private IPaymentRail? FindRail(PaymentPayload payload)
    {
        foreach (var rail in _rails)
        {
            if (rail.CanHandle(payload))
                return rail;
        }
        return null;
    }

    private PaymentContext BuildContext(HttpContext context, PaidResource paid)
    {
        var request = context.Request;
        var url = _publicBaseUrl is { } baseUrl
            ? string.Concat(baseUrl, request.PathBase.ToUriComponent(), request.Path.ToUriComponent())
            : UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        var metadata = paid.Metadata;
        return new PaymentContext
        {
            ResourceKey = paid.ResourceKey,
            ResourceUrl = url,
            Description = metadata.Description,
            MimeType = metadata.MimeType,
            Price = metadata.Price,
            SettlementMode = metadata.Settlement,
            MaxTimeoutSeconds = metadata.MaxTimeoutSeconds > 0 ? metadata.MaxTimeoutSeconds : _options.MaxTimeoutSeconds,
        };
    }

    private sealed record VerifiedPayment(IPaymentRail Rail, PaymentPayload Payload, PaymentRequirements Requirements, PaymentVerification Verification);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1003, Level = LogLevel.Information, EventName = "PaymentRefused",
            Message = "402 for {ResourceKey}: {Reason}.")]
        public static partial void Refused(ILogger logger, string resourceKey, string reason);

        [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, EventName = "PaymentReplayRefused",
            Message = "402 for {ResourceKey}: the {Rail} payment was already used.")]
        public static partial void Replay(ILogger logger, string resourceKey, string rail);

        [LoggerMessage(EventId = 1005, Level = LogLevel.Information, EventName = "PaidRequestServed",
            Message = "Served {ResourceKey}, paid on {Rail} ({Mode} settlement, receipt {ReceiptId}).")]
        public static partial void Served(ILogger logger, string resourceKey, string rail, SettlementMode mode, string receiptId);

        [LoggerMessage(EventId = 1007, Level = LogLevel.Information, EventName = "PaidHandlerFailed",
            Message = "The handler of {ResourceKey} answered {StatusCode}: nothing settled, the payment is released.")]
        public static partial void HandlerFailed(ILogger logger, string resourceKey, int statusCode);

        [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, EventName = "PaidHandlerFailedAfterSettlement",
            Message = "The handler of {ResourceKey} answered {StatusCode} after the payment was settled first (receipt {ReceiptId}): the payment stays used.")]
        public static partial void HandlerFailedAfterSettlement(ILogger logger, string resourceKey, int statusCode, string receiptId);

        [LoggerMessage(EventId = 1012, Level = LogLevel.Information, EventName = "PaidClientGone",
            Message = "The client of {ResourceKey} hung up before the payment was charged: nothing charged, the payment is released.")]
        public static partial void ClientGone(ILogger logger, string resourceKey);

        [LoggerMessage(EventId = 1013, Level = LogLevel.Critical, EventName = "SettledButNotRecorded",
            Message = "A {Rail} payment settled on {Network} (transaction {Transaction}) but the ledger refused its receipt: reconcile it by hand.")]
        public static partial void SettledButNotRecorded(ILogger logger, string rail, string network, string transaction, Exception exception);

        [LoggerMessage(EventId = 1014, Level = LogLevel.Critical, EventName = "SettledPaymentNotMarkedUsed",
            Message = "A settled payment could not be marked used either; its reservation expires after DualRail:Ledger:ReservationTimeout.")]
        public static partial void MarkUsedFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, EventName = "SettlementFailed",
            Message = "Settlement for {ResourceKey} on {Rail} failed ({Reason}): the response is discarded, 402.")]
        public static partial void SettlementFailed(ILogger logger, string resourceKey, string rail, string reason);

        [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, EventName = "RailThrew",
            Message = "Rail {Rail} threw during {Step}; the payment is refused.")]
        public static partial void RailThrew(ILogger logger, string rail, string step, Exception exception);

        [LoggerMessage(EventId = 1010, Level = LogLevel.Error, EventName = "ReservationReleaseFailed",
            Message = "A reservation could not be released; it expires after DualRail:Ledger:ReservationTimeout.")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception);
    }
}
