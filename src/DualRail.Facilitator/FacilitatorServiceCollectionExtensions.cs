using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Options;
using DualRail.Facilitator.Relayer;
using DualRail.Facilitator.Settlement;
using DualRail.Facilitator.Verification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualRail.Facilitator;

public static class FacilitatorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the x402 facilitator (exact scheme, EIP-3009) configured from the <c>DualRail:Facilitator</c>
    /// section of <paramref name="configuration"/>; options are validated on start.
    /// </summary>
    public static IServiceCollection AddDualRailFacilitator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FacilitatorOptions>().Bind(configuration.GetSection(FacilitatorOptions.SectionName));
        return services.AddDualRailFacilitatorCore();
    }

    /// <summary>Adds the facilitator configured in code.</summary>
    public static IServiceCollection AddDualRailFacilitator(this IServiceCollection services, Action<FacilitatorOptions> configure)
    {
        services.AddOptions<FacilitatorOptions>().Configure(configure);
        return services.AddDualRailFacilitatorCore();
    }

    private static IServiceCollection AddDualRailFacilitatorCore(this IServiceCollection services)
    {
        services.AddOptions<FacilitatorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FacilitatorOptions>, FacilitatorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // No per-request log lines from the factory's logging handlers: JSON-RPC runs at thousands of
        // calls per second, and failures are logged by the facilitator's own messages.
        services.AddHttpClient(ChainRegistry.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.TryAddSingleton(sp => RelayerAccount.FromOptions(sp.GetRequiredService<IOptions<FacilitatorOptions>>().Value));
        services.TryAddSingleton<ChainRegistry>();
        services.TryAddSingleton<ISettlementStore, SqliteSettlementStore>();
        services.TryAddSingleton<DeployedCodeCache>();
        services.TryAddSingleton<TokenDomains>();
        services.TryAddSingleton<ExactEvmVerifier>();
        services.TryAddSingleton<ExactEvmSettler>();
        services.AddHostedService<FacilitatorStartup>();
        return services;
    }
}
