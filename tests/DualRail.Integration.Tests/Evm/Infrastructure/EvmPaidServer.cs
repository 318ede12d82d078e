using DualRail.AspNetCore;
using DualRail.AspNetCore.Metadata;
using DualRail.Rails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRail.Integration.Tests.Evm.Infrastructure;

/// <summary>
/// A real Kestrel server with DualRail's middleware and the EVM rail (services.AddDualRail(config).AddEvmRail()),
/// selling two endpoints: <c>GET /api/evm</c> ($0.01, async settlement) and <c>GET /api/evm/sync</c> ($0.02, sync).
/// </summary>
internal sealed class EvmPaidServer : IAsyncDisposable
{
    public const string AsyncPath = "/api/evm";
    public const string SyncPath = "/api/evm/sync";
    public const string Content = "paid evm content";

    private readonly WebApplication _app;
    private int _handlerCalls;

    private EvmPaidServer(WebApplication app) => _app = app;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Handler runs; a refused payment never increments it.</summary>
    public int HandlerCalls => Volatile.Read(ref _handlerCalls);

    public static async Task<EvmPaidServer> StartAsync(string network, string payTo, string facilitatorUrl, DirectoryInfo directory, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DualRail:Ledger:Path"] = Path.Combine(directory.FullName, $"ledger-{Guid.NewGuid():N}.db"),
            ["DualRail:Settlement:PollInterval"] = "00:00:00.200",
            ["DualRail:Settlement:InitialBackoff"] = "00:00:00.200",
            ["DualRail:Evm:Network"] = network,
            ["DualRail:Evm:PayTo"] = payTo,
            ["DualRail:Evm:Facilitators:0:Url"] = facilitatorUrl,
            ["DualRail:Evm:SupportedRetryMinSeconds"] = "0.2",
            ["DualRail:Evm:SupportedRetryMaxSeconds"] = "0.5",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDualRail(builder.Configuration).AddEvmRail();

        var app = builder.Build();
        var server = new EvmPaidServer(app);
        app.UseDualRail();
        app.MapGet(AsyncPath, server.Serve).RequirePayment("$0.01", description: "EVM demo");
        app.MapGet(SyncPath, server.Serve).RequirePayment("$0.02", settlement: SettlementMode.Sync);
        await app.StartAsync();
        server.Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        return server;
    }

    private string Serve()
    {
        Interlocked.Increment(ref _handlerCalls);
        return Content;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
