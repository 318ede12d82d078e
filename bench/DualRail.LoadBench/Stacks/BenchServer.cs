using DualRail.AspNetCore;
using DualRail.Lightning;
using DualRail.Rails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRail.LoadBench.Stacks;

/// <summary>
/// One DualRail server on Kestrel (127.0.0.1, a free port) with the rails a phase needs:
/// <c>GET /api/free</c> (ungated), <c>GET /api/evm</c> ($0.01, Async), <c>GET /api/evm/sync</c> ($0.01, Sync),
/// <c>GET /api/ln</c> (10 sat). Logging is off, as in the reference server.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string FreePath = "/api/free";
    public const string EvmAsyncPath = "/api/evm";
    public const string EvmSyncPath = "/api/evm/sync";
    public const string LightningPath = "/api/ln";
    public const string EvmPrice = "$0.01";
    public const long EvmAmount = 10_000;
    public const string LightningPrice = "10 sat";

    private readonly WebApplication _app;

    private BenchServer(WebApplication app, string ledgerPath)
    {
        _app = app;
        LedgerPath = ledgerPath;
        Url = app.Urls.First();
    }

    public string Url { get; }

    public string LedgerPath { get; }

    public static async Task<BenchServer> StartAsync(string directory, EvmRailSettings? evm = null, LightningNodes? lightning = null)
    {
        var ledgerPath = Path.Combine(directory, $"ledger-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["DualRail:Ledger:Path"] = ledgerPath,
            ["DualRail:Settlement:PollInterval"] = "00:00:00.200",
            ["DualRail:Settlement:InitialBackoff"] = "00:00:00.200",
            ["DualRail:Settlement:MaxAttempts"] = "20",
        };
        if (evm is not null)
        {
            settings["DualRail:Evm:Network"] = evm.Network;
            settings["DualRail:Evm:PayTo"] = evm.PayTo;
            settings["DualRail:Evm:Facilitators:0:Url"] = evm.FacilitatorUrl;
        }
        if (lightning is not null)
        {
            var merchant = lightning.Merchant;
            settings["DualRail:Lightning:Network"] = "regtest";
            settings["DualRail:Lightning:Lnd:Endpoint"] = merchant.Endpoint;
            settings["DualRail:Lightning:Lnd:TlsCertPath"] = merchant.Files.TlsCertPath;
            settings["DualRail:Lightning:Lnd:MacaroonPath"] = merchant.Files.InvoiceMacaroonPath;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var dualRail = builder.Services.AddDualRail(builder.Configuration);
        if (evm is not null)
            dualRail.AddEvmRail();
        if (lightning is not null)
            dualRail.AddLightningRail();

        var app = builder.Build();
        app.UseDualRail();
        app.MapGet(FreePath, () => Results.Text("free content"));
        app.MapGet(EvmAsyncPath, () => Results.Text("paid content")).RequirePayment(EvmPrice, description: "bench async");
        app.MapGet(EvmSyncPath, () => Results.Text("paid content")).RequirePayment(EvmPrice, description: "bench sync", settlement: SettlementMode.Sync);
        app.MapGet(LightningPath, () => Results.Text("paid content")).RequirePayment(LightningPrice, description: "bench lightning");
        await app.StartAsync();
        var server = new BenchServer(app, ledgerPath);
        await server.WaitUntilSellingAsync(evm is not null, lightning is not null);
        return server;
    }

    private async Task WaitUntilSellingAsync(bool evm, bool lightning)
    {
        if (!evm && !lightning)
            return;
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        var path = evm ? EvmAsyncPath : LightningPath;
        var network = evm ? "eip155:" : "bip122:";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var required = await Challenge.FetchAsync(http, path);
            if (required.Accepts.Any(a => a.Network.StartsWith(network, StringComparison.Ordinal)))
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The server never offered {network} on {path}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
