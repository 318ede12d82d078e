using System.Net;
using System.Text.Json.Nodes;
using DualRail.AspNetCore;
using DualRail.Ledger;
using DualRail.Lightning;
using DualRail.Lightning.Lnd;
using DualRail.LndSim.Hosting;
using DualRail.LndSim.Nodes;
using DualRail.Protocol;
using Google.Protobuf;
using Grpc.Core;
using Lnrpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Routerrpc;

namespace DualRail.Integration.Tests.Lightning;

/// <summary>
/// The LND simulator (merchant and payer nodes) and a DualRail server on Kestrel (127.0.0.1, a port the OS picks)
/// selling on the Lightning rail against the merchant node, plus a second rail that always quotes. The ledger is a
/// file, so stopping and starting the server is a restart.
/// </summary>
internal sealed class LightningStack : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _directory;
    private WebApplication? _server;

    private LightningStack(string directory, LndSimulatorHost simulator)
    {
        _directory = directory;
        Simulator = simulator;
        Payer = ClientFor(simulator.Node("payer"));
        MerchantAdmin = ClientFor(simulator.Node("merchant"));
    }

    public LndSimulatorHost Simulator { get; }

    public LndClient Payer { get; }

    public LndClient MerchantAdmin { get; }

    public HttpClient Client { get; private set; } = null!;

    public int HandlerCalls => Volatile.Read(ref _handlerCalls);

    private int _handlerCalls;

    public static async Task<LightningStack> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("dualrail-ln-it-").FullName;
        var simulator = new LndSimulatorHost(new LndSimulatorOptions { DataDir = Path.Combine(directory, "lnd") });
        await simulator.StartAsync();
        var stack = new LightningStack(directory, simulator);
        await stack.StartServerAsync();
        return stack;
    }

    public async Task StartServerAsync()
    {
        var merchant = Simulator.Node("merchant");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DualRail:Ledger:Path"] = Path.Combine(_directory, "ledger.db"),
            ["DualRail:Settlement:PollInterval"] = "00:00:00.200",
            ["DualRail:Lightning:Network"] = "regtest",
            ["DualRail:Lightning:Lnd:Endpoint"] = merchant.Endpoint,
            ["DualRail:Lightning:Lnd:TlsCertPath"] = merchant.Files.TlsCertPath,
            ["DualRail:Lightning:Lnd:MacaroonPath"] = merchant.Files.InvoiceMacaroonPath,
            ["DualRail:Lightning:Lnd:ReconnectInitialDelay"] = "00:00:00.050",
            ["DualRail:Lightning:Lnd:ReconnectMaxDelay"] = "00:00:00.500",
        });
        builder.Services.AddDualRail(builder.Configuration)
            .AddRail(new OtherRail())
            .AddLightningRail();

        var app = builder.Build();
        app.UseDualRail();
        app.MapGet("/api/weather", () => Served("sunny")).RequirePayment("1500 sat", description: "Weather");
        app.MapGet("/api/other", () => Served("other")).RequirePayment("1500 sat", description: "Other");
        app.MapGet("/api/brief", () => Served("brief")).RequirePayment("10 sat", maxTimeoutSeconds: 1);
        await app.StartAsync();
        _server = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        await WaitForLightningAsync(available: true);
    }

    public async Task StopServerAsync()
    {
        if (_server is null)
        {
            return;
        }

        Client.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
        _server = null;
    }

    /// <summary>GET without payment: the 402's terms.</summary>
    public async Task<PaymentRequired> TermsAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        return DecodeHeader<PaymentRequired>(response, X402Headers.PaymentRequired);
    }

    /// <summary>The Lightning entry of a 402 for <paramref name="path"/>.</summary>
    public async Task<PaymentRequirements> LightningTermsAsync(string path) =>
        Assert.Single((await TermsAsync(path)).Accepts, a => a.Network.StartsWith("bip122:", StringComparison.Ordinal));

    /// <summary>Pays the entry's invoice from the payer node (SendPaymentV2); returns the preimage (hex).</summary>
    public async Task<string> PayAsync(PaymentRequirements entry)
    {
        var invoice = entry.Extra!["invoice"]!.GetValue<string>();
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

    /// <summary>The preimage the merchant holds for an invoice (LookupInvoice), paid or not.</summary>
    public async Task<string> MerchantPreimageAsync(PaymentRequirements entry)
    {
        var hash = Convert.FromHexString(entry.Extra!["paymentHash"]!.GetValue<string>());
        var invoice = await MerchantAdmin.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = ByteString.CopyFrom(hash) });
        return Convert.ToHexStringLower(invoice.RPreimage.Span);
    }

    /// <summary>A v2 PAYMENT-SIGNATURE for the entry with the preimage.</summary>
    public static string Signature(PaymentRequirements entry, string preimage) =>
        X402HeaderCodec.Encode(new PaymentPayload
        {
            X402Version = 2,
            Accepted = entry,
            Payload = new JsonObject { ["paymentHash"] = entry.Extra!["paymentHash"]!.GetValue<string>(), ["preimage"] = preimage },
        });

    public async Task<HttpResponseMessage> GetPaidAsync(string path, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(X402Headers.PaymentSignature, signature);
        return await Client.SendAsync(request);
    }

    public static T DecodeHeader<T>(HttpResponseMessage response, string name) where T : class
    {
        var value = Assert.Single(response.Headers.GetValues(name));
        Assert.True(X402HeaderCodec.TryDecode<T>(value, out var decoded, out var reason), reason);
        return decoded!;
    }

    /// <summary>Waits until the server's invoice watcher has recorded the entry's invoice as settled in the ledger.</summary>
    public async Task WaitUntilSettledInLedgerAsync(PaymentRequirements entry)
    {
        var ledger = (_server ?? throw new InvalidOperationException("The server is stopped.")).Services.GetRequiredService<IPaymentLedger>();
        var hash = entry.Extra!["paymentHash"]!.GetValue<string>();
        await WaitUntilAsync(async () => (await ledger.GetInvoiceAsync(hash, CancellationToken.None))?.SettledAt is not null);
    }

    /// <summary>Polls the 402 until Lightning is (or is no longer) among the ways to pay.</summary>
    public async Task WaitForLightningAsync(bool available) => await WaitUntilAsync(async () =>
    {
        using var response = await Client.GetAsync("/x402/health");
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var lightning = health["rails"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "lightning")!;
        return lightning["available"]!.GetValue<bool>() == available;
    });

    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(25, timeout.Token);
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
            // A file still held by a closing SQLite pool; the OS cleans the temp directory.
        }
    }

    private string Served(string content)
    {
        Interlocked.Increment(ref _handlerCalls);
        return content;
    }

    private static LndClient ClientFor(SimulatedNode node) => new(new LndClientOptions
    {
        Endpoint = node.Endpoint,
        TlsCertPath = node.Files.TlsCertPath,
        MacaroonPath = node.Files.AdminMacaroonPath,
    });
}
