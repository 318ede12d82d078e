using DualRail.DependencyInjection;
using DualRail.Evm.Rail;
using DualRail.Networks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the EVM rail to DualRail.</summary>
public static class EvmRailBuilderExtensions
{
    /// <summary>
    /// Adds the USDC/EIP-3009 rail and its facilitator client, bound from <c>DualRail:Evm</c>
    /// (<c>Network</c>, <c>PayTo</c>, optional <c>Asset</c>, <c>TokenName</c>, <c>TokenVersion</c>,
    /// <c>Decimals</c>, <c>MaxTimeoutSeconds</c>, and <c>Facilitators: [{ Url, Headers, TimeoutSeconds }]</c>),
    /// validated on start. <paramref name="configure"/> runs after binding.
    /// </summary>
    public static DualRailBuilder AddEvmRail(this DualRailBuilder builder, Action<EvmRailOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<EvmRailOptions>();
        if (builder.Configuration is not null)
            options.Bind(builder.Configuration.GetSection(EvmRailOptions.SectionName));
        else
            options.BindConfiguration(EvmRailOptions.SectionName);
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EvmRailOptions>, EvmRailOptionsValidator>());
        services.TryAddSingleton<NetworkRegistry>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddFacilitatorClient(builder.Configuration);
        return builder.AddRail<EvmRail>();
    }
}
