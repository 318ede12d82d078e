using System.Net;
using DualRail.Facilitator;
using DualRail.Facilitator.Options;
using DualRail.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>DualRail.Facilitator in the test process, on Kestrel at 127.0.0.1 and a port the OS picks.</summary>
public sealed class DualRailFacilitatorHost : IRunningEndpoint
{
    private readonly WebApplication _app;
    private readonly string _keyFile;

    private DualRailFacilitatorHost(WebApplication app, string keyFile, string url)
    {
        _app = app;
        _keyFile = keyFile;
        Url = url;
    }

    public string Url { get; }

    public static async Task<DualRailFacilitatorHost> StartAsync(string rpcUrl, DevAccount relayer, string network = "eip155:84532")
    {
        // The relayer key goes through a file, as an operator would configure it.
        var keyFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(keyFile, relayer.PrivateKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddDualRailFacilitator(options =>
        {
            options.Chains.Add(new FacilitatorChainOptions { Network = network, RpcUrl = rpcUrl });
            options.RelayerKeyFile = keyFile;
            options.StorePath = ":memory:";
        });
        var app = builder.Build();
        app.MapDualRailFacilitator();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DualRailFacilitatorHost(app, keyFile, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_keyFile);
    }
}
