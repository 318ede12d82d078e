using DualRail.AspNetCore.Configuration;
using DualRail.AspNetCore.Endpoints;
using DualRail.AspNetCore.Middleware;
using DualRail.AspNetCore.Paywall;
using DualRail.AspNetCore.Routing;
using DualRail.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DualRail.AspNetCore;

public static class DualRailServiceCollectionExtensions
{
    /// <summary>
    /// Adds DualRail bound from the <c>DualRail</c> section of <paramref name="configuration"/> (validated on
    /// start: a bad price, route or path stops the host with a message), the SQLite ledger and the settlement
    /// worker. Add rails on the returned builder; then <c>app.UseDualRail()</c>.
    /// </summary>
    public static DualRailBuilder AddDualRail(this IServiceCollection services, IConfiguration configuration, Action<DualRailOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddDualRailCore(configuration);
        var options = services.AddOptions<DualRailOptions>().Bind(configuration.GetSection(DualRailOptions.SectionName));
        if (configure is not null)
            options.Configure(configure);
        return AddAspNetCoreServices(builder);
    }

    /// <summary>Adds DualRail configured in code only (no configuration section).</summary>
    public static DualRailBuilder AddDualRail(this IServiceCollection services, Action<DualRailOptions>? configure = null)
    {
        var builder = services.AddDualRailCore();
        var options = services.AddOptions<DualRailOptions>();
        if (configure is not null)
            options.Configure(configure);
        return AddAspNetCoreServices(builder);
    }

    private static DualRailBuilder AddAspNetCoreServices(DualRailBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DualRailOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DualRailOptions>, DualRailOptionsValidator>());
        services.TryAddSingleton<PricedRouteTable>();
        services.TryAddSingleton<PaidResourceResolver>();
        services.TryAddSingleton<PaymentRequiredResponder>();
        services.TryAddSingleton<DualRailEndpoints>();
        services.TryAddSingleton<IPaywallRenderer, DefaultPaywallRenderer>();
        services.TryAddSingleton<DualRailMarkerService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DualRailStartupReport>());
        return builder;
    }
}
