using System.Net;
using DualRail.Facilitator;
using DualRail.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DualRail.LoadBench.Stacks;

/// <summary>DualRail's facilitator (AddDualRailFacilitator + MapDualRailFacilitator) on Kestrel, relaying with a dev account.</summary>
internal sealed class OurFacilitator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OurFacilitator(WebApplication app)
    {
        _app = app;
        Url = app.Urls.First();
    }

    public string Url { get; }

    public static async Task<OurFacilitator> StartAsync(AnvilProcess anvil, DevAccount relayer, string directory)
    {
        var keyFile = Path.Combine(directory, $"relayer-{Guid.NewGuid():N}.key");
        await File.WriteAllTextAsync(keyFile, relayer.PrivateKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DualRail:Facilitator:Chains:0:Network"] = anvil.Network,
            ["DualRail:Facilitator:Chains:0:RpcUrl"] = anvil.RpcUrl,
            ["DualRail:Facilitator:RelayerKeyFile"] = keyFile,
            ["DualRail:Facilitator:StorePath"] = Path.Combine(directory, $"facilitator-{Guid.NewGuid():N}.db"),
            ["DualRail:Facilitator:ReceiptPollInterval"] = "00:00:00.050",
        });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddDualRailFacilitator(builder.Configuration);
        var app = builder.Build();
        app.MapDualRailFacilitator();
        await app.StartAsync();
        return new OurFacilitator(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
