using DualRail.DependencyInjection;
using DualRail.Lightning.Lnd;
using DualRail.Lightning.Rail;
using DualRail.Lightning.Watcher;
using DualRail.Money;
using DualRail.Rails;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DualRail.Lightning;

public static class LightningServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Lightning rail to DualRail, bound from the builder's configuration (<c>DualRail:Lightning</c>):
    /// <c>services.AddDualRail(configuration).AddLightningRail()</c>.
    /// </summary>
    public static DualRailBuilder AddLightningRail(this DualRailBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration
            ?? throw new InvalidOperationException("AddLightningRail() reads DualRail:Lightning from configuration: call AddDualRail(configuration) first, or use the overload that configures in code.");
        builder.Services.AddLightningRail(configuration);
        return builder;
    }

    /// <summary>Adds the Lightning rail to DualRail with settings made in code.</summary>
    public static DualRailBuilder AddLightningRail(
        this DualRailBuilder builder, Action<LightningRailOptions> configureRail, Action<LndClientOptions> configureLnd)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLightningRail(configureRail, configureLnd);
        return builder;
    }

    /// <summary>
    /// Adds the Lightning rail: the LND client (<c>DualRail:Lightning:Lnd</c>), the rail (<c>DualRail:Lightning</c>,
    /// validated on start), the invoice watcher as a hosted service (<c>DualRail:Lightning:Watcher</c>) and the node
    /// status it reports. Register <see cref="LightningHealthCheck"/> with your health checks to expose it. The
    /// rail needs an <see cref="DualRail.Ledger.IPaymentLedger"/>.
    /// </summary>
    public static IServiceCollection AddLightningRail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(LightningRailOptions.SectionName);
        services.AddOptions<LightningRailOptions>().Bind(section).ValidateOnStart();
        services.AddOptions<InvoiceWatcherOptions>().Bind(section.GetSection("Watcher"));
        services.AddOptions<ExchangeRateOptions>().Bind(configuration.GetSection(ExchangeRateOptions.SectionName));
        services.AddLndClient(section.GetSection("Lnd"));
        return services.AddLightningRailCore();
    }

    /// <summary>Adds the Lightning rail with settings made in code.</summary>
    public static IServiceCollection AddLightningRail(
        this IServiceCollection services, Action<LightningRailOptions> configureRail, Action<LndClientOptions> configureLnd)
    {
        ArgumentNullException.ThrowIfNull(configureRail);
        ArgumentNullException.ThrowIfNull(configureLnd);
        services.AddOptions<LightningRailOptions>().Configure(configureRail).ValidateOnStart();
        services.AddOptions<InvoiceWatcherOptions>();
        services.AddLndClient(configureLnd);
        return services.AddLightningRailCore();
    }

    private static IServiceCollection AddLightningRailCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LightningRailOptions>, LightningRailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IExchangeRateProvider, StaticExchangeRateProvider>();
        services.TryAddSingleton<LightningNodeStatus>();
        services.TryAddSingleton<SettledInvoiceCache>();
        services.TryAddSingleton<LightningHealthCheck>();
        services.TryAddSingleton<LightningRail>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPaymentRail, LightningRail>(sp => sp.GetRequiredService<LightningRail>()));
        services.AddHostedService<InvoiceWatcher>();
        return services;
    }
}
