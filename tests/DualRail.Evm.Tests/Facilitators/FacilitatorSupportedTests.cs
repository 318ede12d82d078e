using System.Net;
using DualRail.Evm.Facilitators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace DualRail.Evm.Tests.Facilitators;

public sealed class FacilitatorSupportedTests
{
    [Fact]
    public async Task A_facilitator_that_is_down_at_start_makes_the_kind_unavailable_until_it_answers()
    {
        var h = new FacilitatorClientHarness("a");
        var client = h.Create();

        // Down: /supported fails, so the rail must not claim it can sell.
        await client.GetSupportedAsync(default);
        Assert.False(client.IsAvailable(FacilitatorClientHarness.Kind));
        var verify = await client.VerifyAsync(FacilitatorClientHarness.Request(), default);
        Assert.False(verify.Answered);

        // Up again: the next refresh is due only after the backoff.
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/verify", FacilitatorClientHarness.Valid);
        await client.GetSupportedAsync(default);
        Assert.False(client.IsAvailable(FacilitatorClientHarness.Kind));

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await client.GetSupportedAsync(default);
        Assert.True(client.IsAvailable(FacilitatorClientHarness.Kind));
        Assert.True((await client.VerifyAsync(FacilitatorClientHarness.Request(), default)).Response!.IsValid);
    }

    [Fact]
    public async Task Verify_still_tries_a_facilitator_whose_supported_failed()
    {
        // /supported down (or absent) but /verify works: the payment is still verified there.
        var h = new FacilitatorClientHarness("a");
        h.Handler.Json("a", "/x402/supported", "", HttpStatusCode.NotFound);
        h.Handler.Json("a", "/x402/verify", FacilitatorClientHarness.Valid);

        var result = await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);

        Assert.True(result.Response!.IsValid);
    }

    [Fact]
    public async Task Supported_failures_back_off_exponentially()
    {
        var h = new FacilitatorClientHarness("a");
        h.Handler.Json("a", "/x402/supported", "", HttpStatusCode.InternalServerError);
        var client = h.Create();

        await client.GetSupportedAsync(default); // attempt 1, next after 1 s
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await client.GetSupportedAsync(default); // attempt 2, next after 2 s
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await client.GetSupportedAsync(default); // not due
        Assert.Equal(2, h.Handler.Count("a", "/x402/supported"));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await client.GetSupportedAsync(default); // attempt 3
        Assert.Equal(3, h.Handler.Count("a", "/x402/supported"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"kinds":null}""")]
    [InlineData("""{"kinds":[{"x402Version":2}]}""")]
    [InlineData("<html>")]
    public async Task A_malformed_supported_answer_counts_as_a_failure(string body)
    {
        var h = new FacilitatorClientHarness("a");
        h.Handler.Json("a", "/x402/supported", body);
        var client = h.Create();

        var supported = await client.GetSupportedAsync(default);

        Assert.Null(supported["http://a/x402"]);
        Assert.False(client.IsAvailable(FacilitatorClientHarness.Kind));
    }

    [Fact]
    public async Task A_successful_answer_is_cached()
    {
        var h = new FacilitatorClientHarness("a");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/verify", FacilitatorClientHarness.Valid);
        var client = h.Create();

        for (var i = 0; i < 3; i++)
            await client.VerifyAsync(FacilitatorClientHarness.Request(), default);
        Assert.Equal(1, h.Handler.Count("a", "/x402/supported"));

        h.Time.Advance(TimeSpan.FromSeconds(h.Options.SupportedCacheSeconds));
        await client.VerifyAsync(FacilitatorClientHarness.Request(), default);
        Assert.Equal(2, h.Handler.Count("a", "/x402/supported"));
    }

    [Fact]
    public void The_registered_http_client_never_follows_redirects()
    {
        using var provider = Services(new Dictionary<string, string?> { ["DualRail:Evm:Facilitators:0:Url"] = "http://127.0.0.1:1/" });
        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpFacilitatorClient.HttpClientName);

        HttpMessageHandler? current = handler;
        while (current is DelegatingHandler delegating)
            current = delegating.InnerHandler;
        var sockets = Assert.IsType<SocketsHttpHandler>(current);
        Assert.False(sockets.AllowAutoRedirect);
    }

    [Theory]
    [InlineData(null, "at least one facilitator")]
    [InlineData("ftp://example.com", "absolute http(s) URL")]
    [InlineData("/relative", "absolute http(s) URL")]
    public void Bad_options_are_refused_on_start(string? url, string message)
    {
        var settings = new Dictionary<string, string?>();
        if (url is not null)
            settings["DualRail:Evm:Facilitators:0:Url"] = url;
        using var provider = Services(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FacilitatorClientOptions>>().Value);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Options_bind_urls_headers_and_timeouts()
    {
        using var provider = Services(new Dictionary<string, string?>
        {
            ["DualRail:Evm:Facilitators:0:Url"] = "https://x402.org/facilitator",
            ["DualRail:Evm:Facilitators:0:Headers:Authorization"] = "Bearer k",
            ["DualRail:Evm:Facilitators:0:TimeoutSeconds"] = "3",
            ["DualRail:Evm:Facilitators:1:Url"] = "http://127.0.0.1:4021",
        });

        var options = provider.GetRequiredService<IOptions<FacilitatorClientOptions>>().Value;

        Assert.Equal(2, options.Facilitators.Count);
        Assert.Equal("Bearer k", options.Facilitators[0].Headers["authorization"]);
        Assert.Equal(3, options.Facilitators[0].TimeoutSeconds);
        Assert.Equal(10, options.Facilitators[1].TimeoutSeconds);
        Assert.IsType<HttpFacilitatorClient>(provider.GetRequiredService<IFacilitatorClient>());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFacilitatorClient(configuration);
        return services.BuildServiceProvider();
    }
}
