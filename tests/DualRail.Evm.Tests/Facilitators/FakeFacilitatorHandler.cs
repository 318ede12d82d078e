using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace DualRail.Evm.Tests.Facilitators;

/// <summary>An in-memory HTTP handler standing in for several facilitators, keyed by host and path.</summary>
internal sealed class FakeFacilitatorHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _routes = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void On(string host, string path, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) =>
        _routes[host + path] = respond;

    public void Json(string host, string path, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        On(host, path, (_, _) => Task.FromResult(JsonResponse(json, status)));

    public void Refuse(string host, string path) =>
        On(host, path, (_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

    public void Hang(string host, string path, TaskCompletionSource entered) =>
        On(host, path, async (_, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });

    public int Count(string host, string path) => Requests.Count(r => r.Host == host && r.Path == path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new RecordedRequest(request.RequestUri!.Host, request.RequestUri.AbsolutePath, request.Method, headers, body));
        if (!_routes.TryGetValue(request.RequestUri.Host + request.RequestUri.AbsolutePath, out var respond))
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (no such fake facilitator)");
        return await respond(request, cancellationToken);
    }

    public static HttpResponseMessage JsonResponse(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    internal sealed record RecordedRequest(string Host, string Path, HttpMethod Method, IReadOnlyDictionary<string, string> Headers, string? Body);
}
