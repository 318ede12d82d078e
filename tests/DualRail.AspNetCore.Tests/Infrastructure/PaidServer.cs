using System.Net;
using DualRail.AspNetCore.Metadata;
using DualRail.Rails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DualRail.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a port the OS picks) with DualRail, a <see cref="FakeRail"/> and a
/// set of priced endpoints. The ledger is a file in a temp directory, so a second server on the same
/// directory is a restart.
/// </summary>
internal sealed class PaidServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _handlerCalls;
    private int _clientAborts;

    private PaidServer(WebApplication app, FakeRail rail, string ledgerPath)
    {
        _app = app;
        Rail = rail;
        LedgerPath = ledgerPath;
    }

    public FakeRail Rail { get; }

    public string LedgerPath { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Calls of the paid handlers (all of them); a refusal never increments it.</summary>
    public int HandlerCalls => Volatile.Read(ref _handlerCalls);

    /// <summary>Requests whose client hung up (RequestAborted fired) while the server still worked on them.</summary>
    public int ClientAborts => Volatile.Read(ref _clientAborts);

    /// <summary>Awaited by the /api/gated* handlers before they answer.</summary>
    public Func<Task>? BeforeGatedHandlerAnswers { get; set; }

    /// <summary>The /api/flaky handler fails while this is true.</summary>
    public bool FlakyFails { get; set; } = true;

    public IServiceProvider Services => _app.Services;

    public static async Task<PaidServer> StartAsync(
        string? ledgerPath = null,
        FakeRail? rail = null,
        IDictionary<string, string?>? settings = null,
        bool withRail = true,
        Action<IServiceCollection>? servicesFirst = null)
    {
        ledgerPath ??= Path.Combine(Directory.CreateTempSubdirectory("dualrail-aspnet-").FullName, "ledger.db");
        rail ??= new FakeRail();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var configuration = new Dictionary<string, string?>
        {
            ["DualRail:Ledger:Path"] = ledgerPath,
            ["DualRail:Settlement:PollInterval"] = "00:00:00.200",
            ["DualRail:Settlement:InitialBackoff"] = "00:00:00.100",
            // A process stopped mid-lease leaves its rows leased; keep that short so the restart test never waits minutes.
            ["DualRail:Settlement:LeaseDuration"] = "00:00:05",
            ["DualRail:Routes:GET /api/premium/*"] = "$0.02",
            ["DualRail:Routes:* /api/premium/x"] = "$0.02",
            ["DualRail:Routes:POST /api/configured/sync:Price"] = "0.03 USDC",
            ["DualRail:Routes:POST /api/configured/sync:Settlement"] = "Sync",
            ["DualRail:Routes:POST /api/configured/sync:Description"] = "Configured sync route",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;
        builder.Configuration.AddInMemoryCollection(configuration);

        servicesFirst?.Invoke(builder.Services);
        var dualRail = builder.Services.AddDualRail(builder.Configuration);
        if (withRail)
            dualRail.AddRail(rail);
        builder.Services.AddControllers().AddApplicationPart(typeof(PaidServer).Assembly);

        var app = builder.Build();
        var server = new PaidServer(app, rail, ledgerPath);
        app.Use(server.CountClientAbortsAsync);
        app.UseDualRail();
        server.MapEndpoints(app);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First());
        server.Client = new HttpClient { BaseAddress = server.BaseAddress };
        return server;
    }

    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/api/free", () => "free");
        app.MapGet("/api/demo", () => Served("demo content"))
            .RequirePayment("$0.01", description: "Demo content", mimeType: "text/plain");
        app.MapGet("/api/sync", () => Served("sync secret"))
            .RequirePayment("$0.01", settlement: SettlementMode.Sync);
        app.MapGet("/api/first", () =>
        {
            Rail.Events.Enqueue("handler");
            return Served("first content");
        }).RequirePayment("$0.01", settlement: SettlementMode.SettleFirst);
        app.MapGet("/api/flaky", () =>
        {
            Served("");
            return FlakyFails ? Results.Problem("boom", statusCode: 500) : Results.Text("flaky content");
        }).RequirePayment("$0.01");
        MapThrowing(app, "/api/throws", SettlementMode.Async);
        MapThrowing(app, "/api/throws-sync", SettlementMode.Sync);
        MapThrowing(app, "/api/throws-first", SettlementMode.SettleFirst);
        app.MapGet("/api/first-abortable", (HttpContext context) =>
        {
            context.RequestAborted.ThrowIfCancellationRequested();
            return Served("first content");
        }).RequirePayment("$0.01", settlement: SettlementMode.SettleFirst);
        app.MapGet("/api/big", async (HttpContext context, int bytes) =>
        {
            Served("");
            // Half through the stream, half through the pipe writer: the buffer must keep both, in order.
            var half = bytes / 2;
            await context.Response.Body.WriteAsync(Enumerable.Repeat((byte)'a', half).ToArray());
            await context.Response.BodyWriter.WriteAsync(Enumerable.Repeat((byte)'b', bytes - half).ToArray());
        }).RequirePayment("$0.01");
        MapGated(app, "/api/gated", SettlementMode.Async);
        MapGated(app, "/api/gated-sync", SettlementMode.Sync);
        app.MapGet("/api/premium/{**rest}", (string rest) => Served("premium " + rest));
        app.MapPost("/api/configured/sync", () => Served("configured"));
        app.MapGet("/api/premium-free", () => "free").DisablePayment();
        app.MapControllers();
    }

    private void MapThrowing(WebApplication app, string path, SettlementMode settlement) =>
        app.MapGet(path, () =>
        {
            Served("");
            if (FlakyFails)
                throw new InvalidOperationException("handler bug");
            return "recovered";
        }).RequirePayment("$0.01", settlement: settlement);

    private void MapGated(WebApplication app, string path, SettlementMode settlement) =>
        app.MapGet(path, async () =>
        {
            if (BeforeGatedHandlerAnswers is { } wait)
                await wait();
            return Served("gated content");
        }).RequirePayment("$0.01", settlement: settlement);

    private async Task CountClientAbortsAsync(HttpContext context, RequestDelegate next)
    {
        using var registration = context.RequestAborted.Register(() => Interlocked.Increment(ref _clientAborts));
        await next(context);
    }

    private string Served(string content)
    {
        Interlocked.Increment(ref _handlerCalls);
        return content;
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
