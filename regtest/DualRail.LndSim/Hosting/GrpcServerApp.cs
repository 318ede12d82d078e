using System.Net;
using DualRail.LndSim.Auth;
using DualRail.LndSim.Nodes;
using DualRail.LndSim.Payments;
using DualRail.LndSim.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DualRail.LndSim.Hosting;

/// <summary>The Kestrel app serving every node: one HTTPS/HTTP2 port per node, each with the node's own certificate.</summary>
internal static class GrpcServerApp
{
    public static WebApplication Build(SimulatedNetwork network, PaymentProcessor payments, ILoggerFactory? loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GrpcServerApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
            builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var node in network.Nodes)
            {
                kestrel.Listen(IPAddress.Loopback, node.Port, listen =>
                {
                    listen.Protocols = HttpProtocols.Http2;
                    listen.UseHttps(node.Tls.Certificate);
                });
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = network.Options.ShutdownTimeout);
        builder.Services.AddSingleton(network);
        builder.Services.AddSingleton(payments);
        builder.Services.AddGrpc(o => o.Interceptors.Add<MacaroonAuthInterceptor>());

        var app = builder.Build();
        app.MapGrpcService<LightningService>();
        app.MapGrpcService<InvoicesService>();
        app.MapGrpcService<RouterService>();
        app.MapGrpcService<StateService>();
        return app;
    }
}
