using DualRail.AspNetCore;
using DualRail.Lightning;
using DualRail.Rails;
using Microsoft.Extensions.Configuration.Json;

namespace DualRail.Cli.Serve;

/// <summary>
/// Builds the server <c>dualrail serve</c> runs. Configuration, lowest first: the defaults embedded in
/// this executable (appsettings.json), appsettings.json in the working directory, the <c>--config</c>
/// file, environment variables (<c>DUALRAIL__LEDGER__PATH</c>, <c>ASPNETCORE_URLS</c>, ...), then the
/// command-line options. Rails are added for the sections present (<c>DualRail:Evm</c>,
/// <c>DualRail:Lightning</c>); with none the server still starts and answers every priced route with
/// 402 and an empty accepts list.
/// </summary>
internal static class ServeApplication
{
    private const string EmbeddedDefaults = "DualRail.Cli.appsettings.json";

    public static WebApplication Build(ServeSettings settings, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [] });
        var configuration = builder.Configuration;
        configuration.Sources.Insert(0, new JsonStreamConfigurationSource
        {
            Stream = typeof(ServeApplication).Assembly.GetManifestResourceStream(EmbeddedDefaults)
                ?? throw new InvalidOperationException($"The embedded defaults {EmbeddedDefaults} are missing."),
        });
        if (settings.ConfigFile is { } file)
            configuration.AddJsonFile(file.FullName, optional: false, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddInMemoryCollection(Overrides(settings));

        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            var host = configuration["DualRail:Serve:Host"] ?? "127.0.0.1";
            var port = configuration.GetValue<int?>("DualRail:Serve:Port") ?? 0;
            builder.WebHost.UseUrls($"http://{host}:{port}");
        }

        var dualRail = builder.Services.AddDualRail(configuration);
        if (configuration.GetSection("DualRail:Evm").Exists())
            dualRail.AddEvmRail();
        if (configuration.GetSection("DualRail:Lightning").Exists())
            builder.Services.AddLightningRail(configuration);
        builder.Services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));

        var app = builder.Build();
        app.UseDualRail();
        MapDemo(app, configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions());
        return app;
    }

    private static void MapDemo(WebApplication app, DemoOptions demo)
    {
        if (!demo.Enabled)
            return;
        app.MapGet("/api/free", () => Results.Json(new { message = "This one is free." }));
        app.MapGet("/api/demo", () => Results.Json(new { message = "Paid content: thank you for your payment.", servedAt = DateTimeOffset.UtcNow }))
            .RequirePayment(demo.Price, description: "DualRail demo resource", mimeType: "application/json", settlement: demo.Settlement);
    }

    private static Dictionary<string, string?> Overrides(ServeSettings settings)
    {
        var overrides = new Dictionary<string, string?>();
        if (settings.Port is { } port)
        {
            overrides["DualRail:Serve:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            overrides[WebHostDefaults.ServerUrlsKey] = "";
        }
        if (settings.Host is { } host)
        {
            overrides["DualRail:Serve:Host"] = host;
            overrides[WebHostDefaults.ServerUrlsKey] = "";
        }
        if (settings.LedgerPath is { } ledger)
            overrides["DualRail:Ledger:Path"] = ledger;
        return overrides;
    }
}
