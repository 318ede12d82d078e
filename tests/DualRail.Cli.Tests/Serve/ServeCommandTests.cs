using System.Net;
using System.Text.Json.Nodes;
using DualRail.AspNetCore.Metadata;
using DualRail.Cli.Serve;
using DualRail.Protocol;
using DualRail.Rails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Cli.Tests.Serve;

public sealed class ServeCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dualrail-serve-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans temp directories
        }
    }

    private ServeSettings Settings(FileInfo? config = null) =>
        new() { Port = 0, LedgerPath = Path.Combine(_directory.FullName, "ledger.db"), ConfigFile = config };

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(ServeSettings settings)
    {
        var app = ServeApplication.Build(settings);
        await app.StartAsync();
        var url = Assert.Single(app.Urls);
        Assert.StartsWith("http://127.0.0.1:", url);
        return (app, new HttpClient { BaseAddress = new Uri(url) });
    }

    [Fact]
    public async Task OnItsEmbeddedDefaultsWithoutRailsItServesTheFreeRouteAndNeverTheDemoUnpaid()
    {
        var (app, client) = await StartAsync(Settings());
        await using (app)
        using (client)
        {
            Assert.Equal("This one is free.", JsonNode.Parse(await client.GetStringAsync("/api/free"))!["message"]!.GetValue<string>());

            using var demo = await client.GetAsync("/api/demo");
            Assert.Equal(HttpStatusCode.PaymentRequired, demo.StatusCode);
            Assert.True(X402HeaderCodec.TryDecode<PaymentRequired>(demo.Headers.GetValues(X402Headers.PaymentRequired).Single(), out var terms, out _));
            Assert.Empty(terms!.Accepts);
            Assert.Equal("no payment rail is available", terms.Error);
            Assert.EndsWith("/api/demo", terms.Resource.Url);

            using var health = await client.GetAsync("/x402/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.True(File.Exists(Path.Combine(_directory.FullName, "ledger.db")));
        }
    }

    [Fact]
    public async Task AConfigFileAddsPricedRoutesAndChangesTheDemoPrice()
    {
        var config = new FileInfo(Path.Combine(_directory.FullName, "serve.json"));
        await File.WriteAllTextAsync(config.FullName, """
            { "DualRail": { "Demo": { "Price": "$0.05" }, "Routes": { "GET /api/extra/*": "1500 sat" } } }
            """);
        var (app, client) = await StartAsync(Settings(config));
        await using (app)
        using (client)
        {
            using var extra = await client.GetAsync("/api/extra/thing");
            Assert.Equal(HttpStatusCode.PaymentRequired, extra.StatusCode);
            using var demo = await client.GetAsync("/api/demo");
            Assert.Equal(HttpStatusCode.PaymentRequired, demo.StatusCode);
        }
    }

    [Fact]
    public async Task ABadPriceInConfigurationStopsStartUp()
    {
        var config = new FileInfo(Path.Combine(_directory.FullName, "bad.json"));
        await File.WriteAllTextAsync(config.FullName, """{ "DualRail": { "Routes": { "GET /api/x": "ten dollars" } } }""");
        await using var app = ServeApplication.Build(Settings(config));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("ten dollars", error.Message);
    }

    [Theory]
    [InlineData(null, SettlementMode.Async)]
    [InlineData("Sync", SettlementMode.Sync)]
    [InlineData("SettleFirst", SettlementMode.SettleFirst)]
    public async Task TheDemoRouteSettlesAsDualRailDemoSettlementSays(string? configured, SettlementMode expected)
    {
        var config = new FileInfo(Path.Combine(_directory.FullName, "demo.json"));
        await File.WriteAllTextAsync(config.FullName, configured is null ? "{}" : $$"""{ "DualRail": { "Demo": { "Settlement": "{{configured}}" } } }""");
        var (app, client) = await StartAsync(Settings(config));
        await using (app)
        using (client)
        {
            var demo = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                .Single(e => e.RoutePattern.RawText == "/api/demo");
            Assert.Equal(expected, demo.Metadata.GetRequiredMetadata<IPaymentMetadata>().Settlement);
            using var unpaid = await client.GetAsync("/api/demo");
            Assert.Equal(HttpStatusCode.PaymentRequired, unpaid.StatusCode);
        }
    }

    [Fact]
    public async Task ABadDemoSettlementModeStopsStartUp()
    {
        var config = new FileInfo(Path.Combine(_directory.FullName, "bad-demo.json"));
        await File.WriteAllTextAsync(config.FullName, """{ "DualRail": { "Demo": { "Settlement": "Later" } } }""");
        Assert.ThrowsAny<InvalidOperationException>(() => ServeApplication.Build(Settings(config)));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("Warning", false)]
    public async Task TheLogLevelComesFromLoggingLogLevelDefault(string? configured, bool informationLogged)
    {
        var config = new FileInfo(Path.Combine(_directory.FullName, "logging.json"));
        await File.WriteAllTextAsync(config.FullName, configured is null ? "{}" : $$"""{ "Logging": { "LogLevel": { "Default": "{{configured}}" } } }""");
        await using var app = ServeApplication.Build(Settings(config));
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DualRail.AspNetCore.Middleware");
        Assert.Equal(informationLogged, logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void TheServeCommandParsesItsOptions()
    {
        var root = new System.CommandLine.RootCommand { Commands.ServeCommand.Create() };
        Assert.Empty(root.Parse(["serve", "--port", "8080", "--host", "0.0.0.0", "--ledger", "x.db"]).Errors);
        Assert.NotEmpty(root.Parse(["serve", "--port", "not-a-port"]).Errors);
    }
}
