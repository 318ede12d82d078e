using System.Net;
using DualRail.Facilitator;
using DualRail.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRail.Facilitator.Tests.Support;

/// <summary>
/// The facilitator as the CLI runs it (AddDualRailFacilitator + MapDualRailFacilitator) on Kestrel,
/// 127.0.0.1 and a free port, with the relayer key in a temporary file.
/// </summary>
public sealed class FacilitatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FacilitatorHost(WebApplication app, Uri baseAddress, CapturingLoggerProvider logs)
    {
        _app = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<FacilitatorHost> StartAsync(string network, string rpcUrl, DevAccount relayer, string storePath, IDictionary<string, string?>? overrides = null)
    {
        var keyFile = Path.Combine(Path.GetDirectoryName(storePath)!, "relayer.key");
        await File.WriteAllTextAsync(keyFile, relayer.PrivateKey + "\n");
        var settings = new Dictionary<string, string?>
        {
            ["DualRail:Facilitator:Chains:0:Network"] = network,
            ["DualRail:Facilitator:Chains:0:RpcUrl"] = rpcUrl,
            ["DualRail:Facilitator:RelayerKeyFile"] = keyFile,
            ["DualRail:Facilitator:StorePath"] = storePath,
            ["DualRail:Facilitator:ReceiptPollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddDualRailFacilitator(builder.Configuration);

        var app = builder.Build();
        app.MapDualRailFacilitator();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FacilitatorHost(app, new Uri(address), logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
