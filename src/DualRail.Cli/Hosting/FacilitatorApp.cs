using DualRail.Facilitator;

namespace DualRail.Cli.Hosting;

/// <summary>The self-hosted x402 facilitator (POST /verify, POST /settle, GET /supported) as a web app.</summary>
internal static class FacilitatorApp
{
    /// <summary>
    /// Configured from appsettings.json, environment (<c>DualRail__Facilitator__…</c>), command-line
    /// <c>--DualRail:Facilitator:…=…</c> and <paramref name="settings"/> (which win).
    /// </summary>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null, LogLevel minimumLogLevel = LogLevel.Information, bool embedded = false)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.QuietConsole(minimumLogLevel);
        if (embedded)
            builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddDualRailFacilitator(builder.Configuration);
        var app = builder.Build();
        app.MapDualRailFacilitator();
        return app;
    }
}
