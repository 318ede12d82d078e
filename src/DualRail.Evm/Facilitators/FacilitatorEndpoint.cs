using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using DualRail.Protocol;
using Microsoft.Extensions.Logging;

namespace DualRail.Evm.Facilitators;

/// <summary>
/// One configured facilitator: its URLs and headers, one HTTP round trip with a timeout and a
/// bounded body, and the kinds its <c>/supported</c> last reported (refreshed lazily, with
/// exponential backoff after a failure).
/// </summary>
internal sealed class FacilitatorEndpoint
{
    /// <summary>Larger answers are malformed: a facilitator's JSON is a few hundred bytes.</summary>
    internal const int MaxBodyBytes = 256 * 1024;

    private readonly FacilitatorEndpointOptions _options;
    private readonly FacilitatorClientOptions _clientOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private SupportedResponse? _supported;
    private bool _lastRefreshFailed;
    private bool _asked;
    private int _failures;
    private DateTimeOffset _nextRefreshAt = DateTimeOffset.MinValue;
    private Task? _refreshing;

    public FacilitatorEndpoint(FacilitatorEndpointOptions options, FacilitatorClientOptions clientOptions, TimeProvider time, ILogger logger)
    {
        _options = options;
        _clientOptions = clientOptions;
        _time = time;
        _logger = logger;
        BaseUrl = options.Url.TrimEnd('/');
        VerifyUri = new Uri(BaseUrl + "/verify");
        SettleUri = new Uri(BaseUrl + "/settle");
        SupportedUri = new Uri(BaseUrl + "/supported");
    }

    public string BaseUrl { get; }

    public Uri VerifyUri { get; }

    public Uri SettleUri { get; }

    public Uri SupportedUri { get; }

    public TimeSpan Timeout => TimeSpan.FromSeconds(_options.TimeoutSeconds);

    public TimeSpan SettleTimeout => TimeSpan.FromSeconds(_options.SettleTimeoutSeconds);

    public SupportedResponse? Supported
    {
        get
        {
            lock (_gate)
                return _lastRefreshFailed ? null : _supported;
        }
    }

    public SupportState GetState(FacilitatorKind kind)
    {
        lock (_gate)
        {
            if (!_asked)
                return SupportState.NotAsked;
            if (_lastRefreshFailed || _supported is null)
                return SupportState.Unknown;
            return _supported.Kinds.Any(k => k.X402Version == kind.X402Version
                && string.Equals(k.Scheme, kind.Scheme, StringComparison.Ordinal)
                && string.Equals(k.Network, kind.Network, StringComparison.Ordinal))
                ? SupportState.Supported
                : SupportState.NotSupported;
        }
    }

    /// <summary>Starts (or joins) a <c>/supported</c> refresh when one is due; completes at once otherwise. Never throws.</summary>
    public Task RefreshIfDueAsync(Func<HttpClient> http)
    {
        lock (_gate)
        {
            if (_refreshing is { IsCompleted: false })
                return _refreshing;
            if (_time.GetUtcNow() < _nextRefreshAt)
                return Task.CompletedTask;
            _refreshing = RefreshAsync(http());
            return _refreshing;
        }
    }

    private async Task RefreshAsync(HttpClient http)
    {
        await Task.Yield();
        FacilitatorExchange exchange;
        try
        {
            exchange = await SendAsync(http, HttpMethod.Get, SupportedUri, null, Timeout, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A background refresh must never fault unobserved; the failure is recorded like any other.
            exchange = FacilitatorExchange.Fault(ex.GetType().Name, notDelivered: false);
        }
        SupportedResponse? parsed = null;
        var failure = exchange.Failure;
        if (failure is null)
        {
            if (!exchange.IsSuccessStatus)
                failure = Describe(exchange.StatusCode);
            else if (!FacilitatorJson.TryParse(exchange.Body, out parsed, out var error))
                failure = "malformed /supported answer: " + error;
            else if (parsed.Kinds is null || parsed.Kinds.Any(k => k is null || k.Scheme is null || k.Network is null))
            {
                parsed = null;
                failure = "malformed /supported answer: kinds missing or incomplete";
            }
        }

        lock (_gate)
        {
            _asked = true;
            var now = _time.GetUtcNow();
            if (parsed is not null)
            {
                _supported = parsed;
                _lastRefreshFailed = false;
                _failures = 0;
                _nextRefreshAt = now + TimeSpan.FromSeconds(_clientOptions.SupportedCacheSeconds);
            }
            else
            {
                _lastRefreshFailed = true;
                _failures++;
                _nextRefreshAt = now + Backoff(_failures);
            }
        }

        if (parsed is not null)
            FacilitatorLog.SupportedRefreshed(_logger, BaseUrl, string.Join(", ", parsed.Kinds.Select(k => new FacilitatorKind(k.X402Version, k.Scheme, k.Network))));
        else
            FacilitatorLog.SupportedFailed(_logger, BaseUrl, failure!, Backoff(_failures).TotalSeconds);
    }

    private TimeSpan Backoff(int failures)
    {
        var seconds = _clientOptions.SupportedRetryMinSeconds * Math.Pow(2, Math.Min(failures - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, _clientOptions.SupportedRetryMaxSeconds));
    }

    /// <summary>One request with this facilitator's headers and a timeout. Throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<FacilitatorExchange> SendAsync(HttpClient http, HttpMethod method, Uri uri, byte[]? body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in _options.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
                return FacilitatorExchange.Fault($"header '{name}' cannot be sent", notDelivered: true);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            var content = await ReadBoundedAsync(response.Content, linked.Token);
            return content is null
                ? FacilitatorExchange.Fault($"answer larger than {MaxBodyBytes} bytes", notDelivered: false)
                : FacilitatorExchange.Response(status, content);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return FacilitatorExchange.Fault($"no answer within {timeout.TotalSeconds:0.###} s", notDelivered: false);
        }
        catch (HttpRequestException ex)
        {
            var notDelivered = ex.HttpRequestError is HttpRequestError.ConnectionError
                or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError;
            return FacilitatorExchange.Fault($"{ex.HttpRequestError}: {ex.Message}", notDelivered);
        }
        catch (IOException ex)
        {
            return FacilitatorExchange.Fault("transport: " + ex.Message, notDelivered: false);
        }
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > MaxBodyBytes)
            return null;

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        if (declared is { } length)
        {
            // The usual case: one buffer of the announced size (a shorter body is read as it is).
            var exact = new byte[length];
            var filled = await stream.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken);
            return filled == exact.Length ? exact : exact.AsSpan(0, filled).ToArray();
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                    return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>A non-2xx status in words (redirects are not followed: a facilitator that redirects is misconfigured).</summary>
    public static string Describe(int statusCode) => statusCode switch
    {
        >= 300 and < 400 => $"HTTP {statusCode} redirect (not followed)",
        (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden => $"HTTP {statusCode} (check the configured auth headers)",
        _ => $"HTTP {statusCode}",
    };
}
