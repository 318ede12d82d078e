using System.Net;

namespace DualRail.LndSim.Hosting;

/// <summary>
/// The out-of-process control of a running simulator, plain HTTP on a loopback port:
/// POST /restart?downtimeMs=N (drop every stream, refuse connections for N ms, come back),
/// POST /down, POST /up, GET /nodes.
/// </summary>
internal static class ControlServer
{
    public static async Task<(WebApplication App, string Url)> StartAsync(LndSimulatorHost simulator, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ControlServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();

        app.MapPost("/restart", (int? downtimeMs) =>
        {
            var downtime = TimeSpan.FromMilliseconds(Math.Clamp(downtimeMs ?? 1000, 0, 600_000));
            _ = simulator.RestartAsync(downtime);
            return Results.Accepted(value: new { downtimeMs = (int)downtime.TotalMilliseconds });
        });
        app.MapPost("/down", async () =>
        {
            await simulator.TakeDownAsync();
            return Results.Ok(new { up = simulator.IsUp });
        });
        app.MapPost("/up", async (CancellationToken ct) =>
        {
            await simulator.BringUpAsync(ct);
            return Results.Ok(new { up = simulator.IsUp });
        });
        app.MapGet("/nodes", () => Results.Text(simulator.Describe().ToJsonString(), "application/json"));

        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        return (app, address);
    }
}
