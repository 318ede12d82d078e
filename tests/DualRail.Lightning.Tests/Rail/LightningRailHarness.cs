using System.Text.Json.Nodes;
using DualRail.Ledger;
using DualRail.Lightning.Lnd;
using DualRail.Lightning.Rail;
using DualRail.Lightning.Watcher;
using DualRail.LndSim.Hosting;
using DualRail.LndSim.Nodes;
using DualRail.Money;
using DualRail.Protocol;
using DualRail.Rails;
using Google.Protobuf;
using Grpc.Core;
using Lnrpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routerrpc;

namespace DualRail.Lightning.Tests.Rail;

/// <summary>
/// The LND simulator (merchant and payer nodes) and a "server": a host running the Lightning rail and its invoice
/// watcher against the merchant, with a SQLite ledger file that survives a server restart.
/// </summary>
internal sealed class LightningRailHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _directory;
    private IHost? _server;

    private LightningRailHarness(string directory, LndSimulatorHost simulator)
    {
        _directory = directory;
        Simulator = simulator;
        Payer = ClientFor(simulator.Node("payer"));
        MerchantAdmin = ClientFor(simulator.Node("merchant"));
    }

    public LndSimulatorHost Simulator { get; }

    public SimulatedNode Merchant => Simulator.Node("merchant");

    /// <summary>The payer's node: pays invoices with SendPaymentV2.</summary>
    public LndClient Payer { get; }

    /// <summary>The merchant node seen by the test itself (not the server under test).</summary>
    public LndClient MerchantAdmin { get; }

    public IServiceProvider Services => (_server ?? throw new InvalidOperationException("The server is stopped.")).Services;

    public LightningRail Rail => Services.GetRequiredService<LightningRail>();

    public LightningNodeStatus Status => Services.GetRequiredService<LightningNodeStatus>();

    public IPaymentLedger Ledger => Services.GetRequiredService<IPaymentLedger>();

    public static async Task<LightningRailHarness> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("dualrail-ln-").FullName;
        var simulator = new LndSimulatorHost(new LndSimulatorOptions { DataDir = Path.Combine(directory, "lnd") });
        await simulator.StartAsync();
        var harness = new LightningRailHarness(directory, simulator);
        await harness.StartServerAsync();
        return harness;
    }

    public async Task StartServerAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var merchant = Merchant;
        builder.Services.AddLightningRail(
            rail => rail.Network = "regtest",
            lnd =>
            {
                Configure(lnd, merchant);
                lnd.MacaroonPath = merchant.Files.InvoiceMacaroonPath; // the rail needs no more than invoice.macaroon
            });
        builder.Services.Configure<ExchangeRateOptions>(o => o.UsdPerBtc = 100_000m);
        builder.Services.Configure<InvoiceWatcherOptions>(o => o.PageSize = 3); // several pages in a catch-up
        var ledgerPath = Path.Combine(_directory, "ledger.db");
        builder.Services.AddSingleton<IPaymentLedger>(sp =>
            new SqlitePaymentLedger(Options.Create(new LedgerOptions { Path = ledgerPath }), TimeProvider.System));
        _server = builder.Build();
        await _server.StartAsync();
        await WaitUntilAsync(() => _server.Services.GetRequiredService<LightningNodeStatus>().IsAvailable);
    }

    public async Task StopServerAsync()
    {
        if (_server is null)
        {
            return;
        }

        await _server.StopAsync();
        _server.Dispose();
        _server = null;
    }

    public static PaymentContext Context(string resourceKey, string price = "1500 sat", int maxTimeoutSeconds = 300) => new()
    {
        ResourceKey = resourceKey,
        ResourceUrl = "http://127.0.0.1/" + resourceKey,
        Description = "test " + resourceKey,
        Price = Price.Parse(price),
        MaxTimeoutSeconds = maxTimeoutSeconds,
    };

    /// <summary>Asks the rail for its one quote for <paramref name="context"/>.</summary>
    public async Task<PaymentRequirements> QuoteAsync(PaymentContext context) =>
        Assert.Single(await Rail.QuoteAsync(context, CancellationToken.None));

    /// <summary>Pays with the payer node and returns the preimage (hex).</summary>
    public async Task<string> PayAsync(PaymentRequirements requirements)
    {
        var invoice = requirements.Extra!["invoice"]!.GetValue<string>();
        using var call = Payer.Router.SendPaymentV2(new SendPaymentRequest { PaymentRequest = invoice, TimeoutSeconds = 30, FeeLimitSat = 100 });
        await foreach (var payment in call.ResponseStream.ReadAllAsync())
        {
            if (payment.Status == Payment.Types.PaymentStatus.Succeeded)
            {
                return payment.PaymentPreimage;
            }

            Assert.NotEqual(Payment.Types.PaymentStatus.Failed, payment.Status);
        }

        throw new InvalidOperationException("SendPaymentV2 ended without an outcome");
    }

    /// <summary>The preimage the merchant node holds for an invoice, paid or not (LookupInvoice as LND answers it).</summary>
    public async Task<string> MerchantPreimageAsync(PaymentRequirements requirements)
    {
        var hash = Convert.FromHexString(requirements.Extra!["paymentHash"]!.GetValue<string>());
        var invoice = await MerchantAdmin.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = ByteString.CopyFrom(hash) });
        return Convert.ToHexStringLower(invoice.RPreimage.Span);
    }

    public static PaymentPayload Payload(PaymentRequirements accepted, string paymentHash, string preimage) => new()
    {
        X402Version = 2,
        Accepted = accepted,
        Payload = new JsonObject { ["paymentHash"] = paymentHash, ["preimage"] = preimage },
    };

    public static PaymentPayload Payload(PaymentRequirements accepted, string preimage) =>
        Payload(accepted, accepted.Extra!["paymentHash"]!.GetValue<string>(), preimage);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <see cref="Patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition) => await WaitUntilAsync(() => Task.FromResult(condition()));

    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        Payer.Dispose();
        MerchantAdmin.Dispose();
        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing SQLite pool; the temp directory is cleaned up by the OS.
        }
    }

    private static LndClient ClientFor(SimulatedNode node)
    {
        var options = new LndClientOptions();
        Configure(options, node);
        return new LndClient(options);
    }

    private static void Configure(LndClientOptions options, SimulatedNode node)
    {
        options.Endpoint = node.Endpoint;
        options.TlsCertPath = node.Files.TlsCertPath;
        options.MacaroonPath = node.Files.AdminMacaroonPath;
        options.ReconnectInitialDelay = TimeSpan.FromMilliseconds(50);
        options.ReconnectMaxDelay = TimeSpan.FromMilliseconds(500);
        options.ConnectTimeout = TimeSpan.FromSeconds(2);
    }
}
