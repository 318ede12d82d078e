using DualRail.Evm.Facilitators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRail.Evm.Tests.Facilitators;

/// <summary>The registered client over real sockets: a facilitator that redirects is never followed and never trusted.</summary>
public sealed class RealHttpRedirectTests
{
    [Fact]
    public async Task A_redirecting_facilitator_fails_closed_and_the_target_is_never_asked()
    {
        var targetHits = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/supported", () => Results.Text("""{"kinds":[{"x402Version":2,"scheme":"exact","network":"eip155:84532"}]}""", "application/json"));
        app.MapPost("/verify", () => Results.Redirect("/elsewhere/verify", permanent: false, preserveMethod: true));
        app.MapPost("/settle", () => Results.Redirect("/elsewhere/settle", permanent: true, preserveMethod: true));
        app.MapPost("/elsewhere/{operation}", () =>
        {
            Interlocked.Increment(ref targetHits);
            return Results.Text("""{"isValid":true,"success":true,"transaction":"0xabc","network":"eip155:84532"}""", "application/json");
        });
        await app.StartAsync();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFacilitatorClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DualRail:Evm:Facilitators:0:Url"] = app.Urls.First(),
        }).Build());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IFacilitatorClient>();

        var verify = await client.VerifyAsync(FacilitatorClientHarness.Request(), default);
        var settle = await client.SettleAsync(FacilitatorClientHarness.Request(), default);

        Assert.False(verify.Answered);
        Assert.Contains("307 redirect (not followed)", verify.Failure);
        Assert.True(settle.IsUnknown);
        Assert.Contains("308 redirect (not followed)", settle.Failure);
        Assert.Equal(0, Volatile.Read(ref targetHits));
        await app.StopAsync();
    }
}
