using DualRail.AspNetCore.Configuration;
using DualRail.AspNetCore.Paywall;
using DualRail.Protocol;
using DualRail.Rails;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DualRail.AspNetCore.Middleware;

/// <summary>
/// Writes the x402 refusals: 402 with every available rail's quote in the v2 <c>PAYMENT-REQUIRED</c>
/// header and a v1 JSON body (or the paywall page for a browser), and 400 for malformed payments.
/// </summary>
internal sealed partial class PaymentRequiredResponder(
    IEnumerable<IPaymentRail> rails,
    IPaywallRenderer paywall,
    IOptions<DualRailOptions> options,
    ILogger<PaymentRequiredResponder> logger)
{
    public const string HeaderRequired = "PAYMENT-SIGNATURE header is required";
    public const string NoRailAvailable = "no payment rail is available";

    private readonly IPaymentRail[] _rails = rails.ToArray();

    /// <summary>Every available rail's requirements; a rail that fails to quote is left out.</summary>
    public async Task<IReadOnlyList<PaymentRequirements>> QuoteAsync(PaymentContext context, CancellationToken cancellationToken)
    {
        var accepts = new List<PaymentRequirements>();
        foreach (var rail in _rails)
        {
            if (!rail.IsAvailable)
                continue;
            try
            {
                accepts.AddRange(await rail.QuoteAsync(context, cancellationToken));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Log.QuoteFailed(logger, rail.Name, context.ResourceKey, ex);
            }
        }
        return accepts;
    }

    /// <summary>Quotes and answers 402 with <paramref name="error"/> (a reason code, or why the payment is needed).</summary>
    public async Task WriteAsync(HttpContext http, PaymentContext context, string? error, SettleResponse? failedSettlement = null)
    {
        var accepts = await QuoteAsync(context, http.RequestAborted);
        await WriteAsync(http, context, accepts, error, failedSettlement);
    }

    public async Task WriteAsync(HttpContext http, PaymentContext context, IReadOnlyList<PaymentRequirements> accepts, string? error, SettleResponse? failedSettlement = null)
    {
        var required = new PaymentRequired
        {
            Error = error ?? (accepts.Count == 0 ? NoRailAvailable : HeaderRequired),
            Resource = new ResourceInfo { Url = context.ResourceUrl, Description = context.Description, MimeType = context.MimeType },
            Accepts = accepts,
        };

        var response = http.Response;
        response.StatusCode = StatusCodes.Status402PaymentRequired;
        response.Headers[X402Headers.PaymentRequired] = X402HeaderCodec.Encode(required);
        response.Headers.CacheControl = "no-store";
        if (failedSettlement is not null)
            response.Headers[X402Headers.PaymentResponse] = X402HeaderCodec.Encode(failedSettlement);
        X402CorsHeaders.Expose(response);
        Log.PaymentRequired(logger, context.ResourceKey, required.Error, accepts.Count);

        if (options.Value.Paywall && IsBrowser(http.Request))
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(paywall.Render(required, context), http.RequestAborted);
            return;
        }
        response.ContentType = "application/json";
        await response.Body.WriteAsync(X402Json.SerializeToUtf8Bytes(X402VersionConverter.ToV1(required)), http.RequestAborted);
    }

    /// <summary>Answers 400 for a payment that is not even well-formed.</summary>
    public async Task WriteBadRequestAsync(HttpContext http, string resourceKey, string reason, string? message)
    {
        Log.Malformed(logger, resourceKey, reason);
        var response = http.Response;
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.Headers.CacheControl = "no-store";
        response.ContentType = "application/json";
        X402CorsHeaders.Expose(response);
        await response.Body.WriteAsync(X402Json.SerializeToUtf8Bytes(new BadPaymentResponse(reason, message)), http.RequestAborted);
    }

    /// <summary>The browser test of the x402 reference: Accept has text/html and User-Agent has Mozilla.</summary>
    private static bool IsBrowser(HttpRequest request) =>
        request.Headers[HeaderNames.Accept].ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
        && request.Headers[HeaderNames.UserAgent].ToString().Contains("Mozilla", StringComparison.Ordinal);

    private sealed record BadPaymentResponse(string Error, string? Message)
    {
        public int X402Version => 2;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, EventName = "PaymentRequired",
            Message = "402 for {ResourceKey}: {Error} ({Accepts} way(s) to pay).")]
        public static partial void PaymentRequired(ILogger logger, string resourceKey, string? error, int accepts);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Information, EventName = "MalformedPayment",
            Message = "400 for {ResourceKey}: malformed payment ({Reason}).")]
        public static partial void Malformed(ILogger logger, string resourceKey, string reason);

        [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, EventName = "RailQuoteFailed",
            Message = "Rail {Rail} could not quote {ResourceKey}; it is left out of accepts.")]
        public static partial void QuoteFailed(ILogger logger, string rail, string resourceKey, Exception exception);
    }
}
