using DualRail.Evm.Facilitators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the x402 facilitator client.</summary>
public static class FacilitatorClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IFacilitatorClient"/> bound from <c>DualRail:Evm</c>
    /// (<c>Facilitators: [{ Url, Headers, TimeoutSeconds, SettleTimeoutSeconds }]</c>), validated on start,
    /// with a named HttpClient that never follows redirects.
    /// </summary>
    public static IServiceCollection AddFacilitatorClient(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var builder = services.AddOptions<FacilitatorClientOptions>().ValidateOnStart();
        if (configuration is not null)
            builder.Bind(configuration.GetSection(FacilitatorClientOptions.SectionName));
        else
            builder.BindConfiguration(FacilitatorClientOptions.SectionName);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FacilitatorClientOptions>, FacilitatorClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpFacilitatorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            })
            // One /verify per paid request: no per-request log lines (failures are logged by FacilitatorLog).
            .RemoveAllLoggers();
        services.TryAddSingleton<IFacilitatorClient, HttpFacilitatorClient>();
        return services;
    }
}
