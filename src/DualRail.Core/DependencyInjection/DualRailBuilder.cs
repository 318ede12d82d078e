using DualRail.Rails;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualRail.DependencyInjection;

/// <summary>
/// Returned by <c>AddDualRail(...)</c> to add rails: <c>.AddRail&lt;T&gt;()</c> here, and
/// <c>AddEvmRail(...)</c> / <c>AddLightningRail(...)</c> from the rail packages.
/// </summary>
public sealed class DualRailBuilder
{
    public DualRailBuilder(IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
        Configuration = configuration;
    }

    public IServiceCollection Services { get; }

    /// <summary>The application configuration (the root, whose <c>DualRail</c> section holds the settings), when one was given.</summary>
    public IConfiguration? Configuration { get; }

    /// <summary>Adds a rail as a singleton <see cref="IPaymentRail"/> (once per type).</summary>
    public DualRailBuilder AddRail<TRail>() where TRail : class, IPaymentRail
    {
        Services.TryAddSingleton<TRail>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPaymentRail, TRail>(sp => sp.GetRequiredService<TRail>()));
        return this;
    }

    /// <summary>Adds a rail built by <paramref name="factory"/>.</summary>
    public DualRailBuilder AddRail<TRail>(Func<IServiceProvider, TRail> factory) where TRail : class, IPaymentRail
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.TryAddSingleton(factory);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPaymentRail, TRail>(sp => sp.GetRequiredService<TRail>()));
        return this;
    }

    /// <summary>Adds a rail instance.</summary>
    public DualRailBuilder AddRail(IPaymentRail rail)
    {
        ArgumentNullException.ThrowIfNull(rail);
        Services.AddSingleton(rail);
        return this;
    }
}
