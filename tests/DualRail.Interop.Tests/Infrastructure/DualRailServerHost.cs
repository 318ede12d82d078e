using System.Net;
using DualRail.AspNetCore;
using DualRail.DependencyInjection;
using DualRail.Rails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>
/// A DualRail server as an operator builds one: ASP.NET Core with AddDualRail + the EVM rail bound
/// from configuration (Base Sepolia, one facilitator), on Kestrel at 127.0.0.1 and a free port, with
/// one priced route per settlement mode: <c>GET /paid/{sync|async|settle-first}</c> at <see cref="Price"/>.
/// </summary>
public sealed class DualRailServerHost : IRunningEndpoint
{
    public const string Price = "$0.01";

    /// <summary><see cref="Price"/> in USDC atomic units.</summary>
    public const long Amount = 10_000;

    private readonly WebApplication _app;
    private readonly string _ledgerPath;

    private DualRailServerHost(WebApplication app, string ledgerPath, string url)
    {
        _app = app;
        _ledgerPath = ledgerPath;
        Url = url;
    }

    public string Url { get; }

    public IServiceProvider Services => _app.Services;

    public string Resource(SettlementMode mode) => Url + mode switch
    {
        SettlementMode.Sync => "/paid/sync",
        SettlementMode.Async => "/paid/async",
        SettlementMode.SettleFirst => "/paid/settle-first",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <param name="configure">More services and rails on the builder; they are registered (and quoted) before the EVM rail.</param>
    public static async Task<DualRailServerHost> StartAsync(
        string facilitatorUrl,
        string payTo,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder, DualRailBuilder>? configure = null)
    {
        var ledgerPath = Path.Combine(Path.GetTempPath(), $"dualrail-interop-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DualRail:Ledger:Path"] = ledgerPath,
            ["DualRail:Evm:Network"] = "eip155:84532",
            ["DualRail:Evm:PayTo"] = payTo,
            ["DualRail:Evm:Facilitators:0:Url"] = facilitatorUrl,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        var dualRail = builder.Services.AddDualRail(builder.Configuration);
        configure?.Invoke(builder, dualRail);
        dualRail.AddEvmRail();

        var app = builder.Build();
        app.UseDualRail();
        foreach (var (path, mode) in new[] { ("/paid/sync", SettlementMode.Sync), ("/paid/async", SettlementMode.Async), ("/paid/settle-first", SettlementMode.SettleFirst) })
        {
            app.MapGet(path, () => Results.Json(new { resource = "paid content", served = true }))
                .RequirePayment(Price, description: "Interop test resource", mimeType: "application/json", settlement: mode);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DualRailServerHost(app, ledgerPath, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_ledgerPath + suffix);
    }
}
