using System.Diagnostics.CodeAnalysis;
using DualRail.Lightning;
using DualRail.Lightning.Watcher;
using DualRail.LndSim.Hosting;
using DualRail.Money;
using Microsoft.Extensions.DependencyInjection;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>
/// The test chain, the reference facilitator, the LND simulator (regtest) and a DualRail server
/// selling both rails: its 402 lists the Lightning entry first, then the EVM one.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync, which stops the simulator.")]
public sealed class TwoRailServerFixture : InteropChainFixture
{
    private string? _directory;
    private LndSimulatorHost? _lightning;
    private NodeScript? _facilitator;

    public string PayTo => TestSupport.DevAccounts.Account3.Address;

    public DualRailServerHost Server { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (InteropScripts.MissingToolingReason() is not null)
            return;
        _directory = Directory.CreateTempSubdirectory("dualrail-interop-ln-").FullName;
        _lightning = new LndSimulatorHost(new LndSimulatorOptions { DataDir = Path.Combine(_directory, "lnd") });
        await _lightning.StartAsync();
        var merchant = _lightning.Node("merchant");
        _facilitator = await ReferenceFacilitator.StartAsync(RpcUrl, Relayer);
        Server = await DualRailServerHost.StartAsync(_facilitator.Url, PayTo, configure: (builder, dualRail) =>
        {
            dualRail.AddLightningRail(
                rail => rail.Network = "regtest",
                lnd =>
                {
                    lnd.Endpoint = merchant.Endpoint;
                    lnd.TlsCertPath = merchant.Files.TlsCertPath;
                    lnd.MacaroonPath = merchant.Files.InvoiceMacaroonPath;
                });
            builder.Services.Configure<ExchangeRateOptions>(o => o.UsdPerBtc = 100_000m);
        });

        // The rail is left out of accepts until the invoice watcher has reached the node.
        var status = Server.Services.GetRequiredService<LightningNodeStatus>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!status.IsAvailable)
            await Task.Delay(50, timeout.Token);
    }

    public override async Task DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
        if (_facilitator is not null)
            await _facilitator.DisposeAsync();
        if (_lightning is not null)
            await _lightning.DisposeAsync();
        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file a closing process still holds; the temp directory goes with the OS's cleanup.
            }
        }

        await base.DisposeAsync();
    }
}
