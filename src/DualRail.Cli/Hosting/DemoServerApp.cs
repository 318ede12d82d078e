using DualRail.AspNetCore;
using DualRail.Lightning;

namespace DualRail.Cli.Hosting;

/// <summary>
/// The sandbox's payment server: DualRail with both rails and two demo routes, <c>GET /api/free</c>
/// (no payment) and <c>GET /api/demo</c> (priced, payable on either rail).
/// </summary>
internal static class DemoServerApp
{
    public const string DemoPrice = "$0.01";

    public static WebApplication Build(IDictionary<string, string?> settings, LogLevel minimumLogLevel = LogLevel.Warning)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.QuietConsole(minimumLogLevel);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddDualRail(builder.Configuration).AddEvmRail();
        builder.Services.AddLightningRail(builder.Configuration);

        var app = builder.Build();
        app.UseDualRail();
        app.MapGet("/api/free", () => Results.Ok(new { message = "Free content: no payment needed." }));
        app.MapGet("/api/demo", () => Results.Ok(new { message = "Paid content: thank you for paying.", paidAt = DateTimeOffset.UtcNow }))
            .RequirePayment(DemoPrice, description: "DualRail sandbox demo", mimeType: "application/json");
        return app;
    }
}
