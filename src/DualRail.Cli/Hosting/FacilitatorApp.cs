using DualRail.Facilitator;

namespace DualRail.Cli.Hosting;

/// <summary>The self-hosted x402 facilitator (POST /verify, POST /settle, GET /supported) as a web app.</summary>
internal static class FacilitatorApp
{
    private const string DefaultLogLevelKey = "Logging:LogLevel:Default";

    /// <summary>
    /// Configured from appsettings.json, environment (<c>DualRail__Facilitator__…</c>), command-line
    /// <c>--DualRail:Facilitator:…=…</c> and <paramref name="settings"/> (which win). Console logging
    /// starts at <paramref name="minimumLogLevel"/>, else at the configured <c>Logging:LogLevel:Default</c>
    /// (<c>Logging__LogLevel__Default=Warning</c>), else at Information.
    /// </summary>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null, LogLevel? minimumLogLevel = null, bool embedded = false)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.QuietConsole(minimumLogLevel ?? builder.Configuration.GetValue<LogLevel?>(DefaultLogLevelKey) ?? LogLevel.Information);
        if (embedded)
            builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddDualRailFacilitator(builder.Configuration);
        var app = builder.Build();
        app.MapDualRailFacilitator();
        return app;
    }
}
