using DualRail.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>An HttpClient with DualRail.Client's 402 handler, paying USDC with a dev account's key.</summary>
public sealed class DualRailPayingClient : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DualRailPayingClient(ServiceProvider services)
    {
        _services = services;
        Http = services.GetRequiredService<IHttpClientFactory>().CreateClient("paid");
    }

    public HttpClient Http { get; }

    public static DualRailPayingClient Create(DevAccount payer, string maxPerRequest = "$0.05")
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpClient("paid", http => http.Timeout = TimeSpan.FromSeconds(90)).AddDualRailPayments(options =>
        {
            options.Evm.PrivateKey = payer.PrivateKey;
            options.Policy.MaxPerRequest.Add(maxPerRequest);
        });
        return new DualRailPayingClient(services.BuildServiceProvider(validateScopes: true));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
