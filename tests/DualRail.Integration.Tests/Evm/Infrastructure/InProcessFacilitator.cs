using System.Net;
using DualRail.Facilitator;
using DualRail.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DualRail.Integration.Tests.Evm.Infrastructure;

/// <summary>Our facilitator (AddDualRailFacilitator + MapDualRailFacilitator) on Kestrel, 127.0.0.1, relaying with a dev account.</summary>
internal sealed class InProcessFacilitator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessFacilitator(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Starts on <paramref name="port"/> (0: any free port).</summary>
    public static async Task<InProcessFacilitator> StartAsync(AnvilProcess anvil, DevAccount relayer, DirectoryInfo directory, int port = 0)
    {
        var keyFile = Path.Combine(directory.FullName, $"relayer-{relayer.Index}.key");
        await File.WriteAllTextAsync(keyFile, relayer.PrivateKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DualRail:Facilitator:Chains:0:Network"] = anvil.Network,
            ["DualRail:Facilitator:Chains:0:RpcUrl"] = anvil.RpcUrl,
            ["DualRail:Facilitator:RelayerKeyFile"] = keyFile,
            ["DualRail:Facilitator:StorePath"] = Path.Combine(directory.FullName, $"facilitator-{relayer.Index}.db"),
            ["DualRail:Facilitator:ReceiptPollInterval"] = "00:00:00.050",
        });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Services.AddDualRailFacilitator(builder.Configuration);

        var app = builder.Build();
        app.MapDualRailFacilitator();
        await app.StartAsync();
        return new InProcessFacilitator(app, app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
