using DualRail.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Evm.Facilitators;

/// <summary>
/// The facilitator client: several facilitators in configured order, routed by what their
/// <c>/supported</c> reports (earlier wins per version, scheme and network), failing closed.
/// </summary>
/// <remarks>
/// <para>Routing: facilitators that list the kind come first, then those whose <c>/supported</c> is
/// unknown (never answered, or failed: they might support it, and trying them is how a server that
/// started before its facilitator recovers by itself); those that answered without the kind are
/// never used.</para>
/// <para><c>/verify</c> is read-only, so it fails over to the next facilitator on any failure to get
/// a well-formed answer (unreachable, timeout, 5xx, redirect, malformed).</para>
/// <para><c>/settle</c> moves money, so it fails over only when no connection could be made at all
/// (the request provably never left). After a timeout, a broken connection, a 5xx or a malformed
/// answer the facilitator may already have broadcast the transfer: sending the same authorization to
/// another facilitator would at best fail there with "nonce already used" (turning a payment that
/// went through into a reported failure) and at worst race a second broadcast. So the outcome is
/// reported as unknown (transient); the settlement worker asks again later, routed the same way,
/// and the facilitator's idempotency (the same authorization returns the first transaction) plus
/// the token's single-use nonce make that repeat safe.</para>
/// </remarks>
public sealed class HttpFacilitatorClient : IFacilitatorClient
{
    /// <summary>The named HttpClient (no redirects followed; timeouts are per request).</summary>
    public const string HttpClientName = "DualRail.Evm.Facilitator";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ILogger<HttpFacilitatorClient> _logger;
    private readonly FacilitatorEndpoint[] _endpoints;
    private readonly Func<HttpClient> _http;

    public HttpFacilitatorClient(
        IHttpClientFactory httpClientFactory,
        IOptions<FacilitatorClientOptions> options,
        TimeProvider timeProvider,
        ILogger<HttpFacilitatorClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _logger = logger;
        var value = options.Value;
        _endpoints = value.Facilitators.Select(f => new FacilitatorEndpoint(f, value, timeProvider, logger)).ToArray();
        _http = Http;
    }

    public bool IsAvailable(FacilitatorKind kind)
    {
        var available = false;
        foreach (var endpoint in _endpoints)
        {
            _ = endpoint.RefreshIfDueAsync(_http);
            available |= endpoint.GetState(kind) is SupportState.Supported or SupportState.NotAsked;
        }

        return available;
    }

    public async Task<FacilitatorVerifyResult> VerifyAsync(FacilitatorRequest request, CancellationToken cancellationToken)
    {
        var kind = KindOf(request);
        var candidates = await RouteAsync(kind, cancellationToken);
        if (candidates.Count == 0)
            return Unavailable(kind, $"no configured facilitator supports {kind}");

        var body = X402Json.SerializeToUtf8Bytes(request);
        var failures = new List<string>();
        foreach (var endpoint in candidates)
        {
            var exchange = await endpoint.SendAsync(Http(), HttpMethod.Post, endpoint.VerifyUri, body, endpoint.Timeout, cancellationToken);
            VerifyResponse? response = null;
            var failure = exchange.Failure ?? InterpretVerify(exchange, out response);
            if (failure is null)
                return FacilitatorVerifyResult.From(endpoint.BaseUrl, response!);

            FacilitatorLog.CallFailed(_logger, endpoint.BaseUrl, "/verify", failure);
            failures.Add($"{endpoint.BaseUrl}: {failure}");
        }

        return Unavailable(kind, string.Join("; ", failures));
    }

    public async Task<FacilitatorSettleResult> SettleAsync(FacilitatorRequest request, CancellationToken cancellationToken)
    {
        var kind = KindOf(request);
        var candidates = await RouteAsync(kind, cancellationToken);
        if (candidates.Count == 0)
            return FacilitatorSettleResult.Unknown($"no configured facilitator supports {kind}");

        var body = X402Json.SerializeToUtf8Bytes(request);
        var notReached = new List<string>();
        foreach (var endpoint in candidates)
        {
            var exchange = await endpoint.SendAsync(Http(), HttpMethod.Post, endpoint.SettleUri, body, endpoint.SettleTimeout, cancellationToken);
            if (exchange.Failed && exchange.NotDelivered)
            {
                FacilitatorLog.SettleFailover(_logger, endpoint.BaseUrl, exchange.Failure!);
                notReached.Add($"{endpoint.BaseUrl}: {exchange.Failure}");
                continue;
            }

            SettleResponse? response = null;
            var failure = exchange.Failure ?? InterpretSettle(exchange, request.PaymentRequirements.Network, out response);
            if (failure is null)
                return FacilitatorSettleResult.From(endpoint.BaseUrl, response!);

            FacilitatorLog.SettleUnknown(_logger, endpoint.BaseUrl, failure);
            return FacilitatorSettleResult.Unknown(failure, endpoint.BaseUrl);
        }

        return FacilitatorSettleResult.Unknown("no facilitator could be reached: " + string.Join("; ", notReached));
    }

    public async Task<IReadOnlyDictionary<string, SupportedResponse?>> GetSupportedAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_endpoints.Select(e => e.RefreshIfDueAsync(_http))).WaitAsync(cancellationToken);
        return _endpoints.ToDictionary(e => e.BaseUrl, e => e.Supported);
    }

    private async Task<List<FacilitatorEndpoint>> RouteAsync(FacilitatorKind kind, CancellationToken cancellationToken)
    {
        await RefreshDueAsync(cancellationToken);
        var supported = new List<FacilitatorEndpoint>(_endpoints.Length);
        List<FacilitatorEndpoint>? unknown = null;
        foreach (var endpoint in _endpoints)
        {
            switch (endpoint.GetState(kind))
            {
                case SupportState.Supported:
                    supported.Add(endpoint);
                    break;
                case SupportState.Unknown or SupportState.NotAsked:
                    (unknown ??= []).Add(endpoint);
                    break;
            }
        }

        if (unknown is not null)
            supported.AddRange(unknown);
        return supported;
    }

    /// <summary>Waits for the <c>/supported</c> refreshes that are due; nothing to wait for on the usual path.</summary>
    private Task RefreshDueAsync(CancellationToken cancellationToken)
    {
        List<Task>? running = null;
        foreach (var endpoint in _endpoints)
        {
            var refresh = endpoint.RefreshIfDueAsync(_http);
            if (!refresh.IsCompleted)
                (running ??= []).Add(refresh);
        }

        return running is null ? Task.CompletedTask : Task.WhenAll(running).WaitAsync(cancellationToken);
    }

    /// <summary>A well-formed /verify answer, or why not. A non-2xx answer counts only as a refusal (isValid false).</summary>
    private static string? InterpretVerify(FacilitatorExchange exchange, out VerifyResponse? response)
    {
        response = null;
        if (exchange.StatusCode is >= 300 and < 400 or >= 500)
            return FacilitatorEndpoint.Describe(exchange.StatusCode);
        if (!FacilitatorJson.TryParse<VerifyResponse>(exchange.Body, out var parsed, out var error))
            return exchange.IsSuccessStatus ? "malformed /verify answer: " + error : FacilitatorEndpoint.Describe(exchange.StatusCode);
        if (!exchange.IsSuccessStatus && parsed.IsValid)
            return $"{FacilitatorEndpoint.Describe(exchange.StatusCode)} claiming isValid true";
        response = parsed.IsValid || !string.IsNullOrEmpty(parsed.InvalidReason)
            ? parsed
            : parsed with { InvalidReason = ReasonCodes.UnexpectedVerifyError };
        return null;
    }

    /// <summary>A well-formed /settle answer (success with a transaction on the right network, or a definite failure), or why not.</summary>
    private static string? InterpretSettle(FacilitatorExchange exchange, string network, out SettleResponse? response)
    {
        response = null;
        if (exchange.StatusCode is >= 300 and < 400 or >= 500)
            return FacilitatorEndpoint.Describe(exchange.StatusCode);
        if (!FacilitatorJson.TryParse<SettleResponse>(exchange.Body, out var parsed, out var error))
            return exchange.IsSuccessStatus ? "malformed /settle answer: " + error : FacilitatorEndpoint.Describe(exchange.StatusCode);
        if (parsed.Success)
        {
            if (!exchange.IsSuccessStatus)
                return $"{FacilitatorEndpoint.Describe(exchange.StatusCode)} claiming success";
            if (string.IsNullOrEmpty(parsed.Transaction))
                return "malformed /settle answer: success without a transaction";
            if (!string.Equals(parsed.Network, network, StringComparison.Ordinal))
                return $"malformed /settle answer: settled on {parsed.Network}, not {network}";
        }
        else if (string.IsNullOrEmpty(parsed.ErrorReason) || parsed.ErrorReason == ReasonCodes.SettlementPending)
        {
            // Not a definite failure: the transfer may still land.
            return "settlement not confirmed: " + (parsed.ErrorReason ?? "no errorReason");
        }

        response = parsed;
        return null;
    }

    private FacilitatorVerifyResult Unavailable(FacilitatorKind kind, string failure)
    {
        FacilitatorLog.VerifyUnavailable(_logger, kind.ToString(), failure);
        return FacilitatorVerifyResult.Unavailable(failure);
    }

    private static FacilitatorKind KindOf(FacilitatorRequest request) =>
        new(request.X402Version, request.PaymentRequirements.Scheme, request.PaymentRequirements.Network);

    private HttpClient Http() => _httpClientFactory.CreateClient(HttpClientName);
}
