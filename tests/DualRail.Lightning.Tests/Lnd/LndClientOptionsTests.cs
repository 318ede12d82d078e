using DualRail.Lightning.Lnd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DualRail.Lightning.Tests.Lnd;

public sealed class LndClientOptionsTests
{
    private const string SecretHex = "0201036c6e64deadbeefcafe";

    [Theory]
    [InlineData("http://127.0.0.1:10009", "https://")]
    [InlineData("not a url", "https://")]
    public void The_endpoint_must_be_https(string endpoint, string expected)
    {
        var result = new LndClientOptionsValidator().Validate(null, new LndClientOptions { Endpoint = endpoint, MacaroonHex = SecretHex });
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_one_macaroon_source_is_required()
    {
        var none = new LndClientOptionsValidator().Validate(null, new LndClientOptions { Endpoint = "https://localhost:10009" });
        var both = new LndClientOptionsValidator().Validate(null, new LndClientOptions { Endpoint = "https://localhost:10009", MacaroonHex = SecretHex, MacaroonPath = "/x" });
        Assert.True(none.Failed);
        Assert.True(both.Failed);
    }

    [Fact]
    public void A_bad_hex_macaroon_is_refused_without_quoting_it()
    {
        const string badSecret = "0201036c6e64zz-secret-zz";
        var result = new LndClientOptionsValidator().Validate(null, new LndClientOptions { Endpoint = "https://localhost:10009", MacaroonHex = badSecret });
        Assert.True(result.Failed);
        Assert.DoesNotContain(badSecret, result.FailureMessage, StringComparison.Ordinal);
        var error = Assert.Throws<InvalidOperationException>(() => new LndClient(new LndClientOptions { Endpoint = "https://localhost:10009", MacaroonHex = badSecret }));
        Assert.DoesNotContain(badSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddLndClient_binds_configuration_and_validates_on_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lnd:Endpoint"] = "https://127.0.0.1:10009",
            ["Lnd:MacaroonHex"] = SecretHex,
            ["Lnd:CallTimeout"] = "00:00:03",
        }).Build();
        using var provider = new ServiceCollection().AddLndClient(configuration.GetSection("Lnd")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LndClientOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(3), options.CallTimeout);
        var client = provider.GetRequiredService<LndClient>();
        Assert.Equal(new Uri("https://127.0.0.1:10009"), client.Endpoint);
        Assert.Same(client, provider.GetRequiredService<LndClient>());
    }

    [Fact]
    public void AddLndClient_with_invalid_options_fails_validation()
    {
        using var provider = new ServiceCollection().AddLndClient(o => o.Endpoint = "http://plain").BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LndClientOptions>>().Value);
        Assert.Contains("https://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_grows_and_stays_under_the_maximum()
    {
        var backoff = new LndReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), TimeProvider.System);
        Assert.InRange(backoff.DelayFor(0), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
        Assert.InRange(backoff.DelayFor(3), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800));
        Assert.InRange(backoff.DelayFor(50), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }
}
