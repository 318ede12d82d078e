using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Lightning.Lnd;

public static class LndServiceCollectionExtensions
{
    /// <summary>Registers a singleton <see cref="LndClient"/> with options bound from <paramref name="section"/>, validated on start.</summary>
    public static IServiceCollection AddLndClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<LndClientOptions>().Bind(section);
        return services.AddLndClientCore();
    }

    /// <summary>Registers a singleton <see cref="LndClient"/> with options set in code, validated on start.</summary>
    public static IServiceCollection AddLndClient(this IServiceCollection services, Action<LndClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LndClientOptions>().Configure(configure);
        return services.AddLndClientCore();
    }

    private static IServiceCollection AddLndClientCore(this IServiceCollection services)
    {
        services.AddOptions<LndClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LndClientOptions>, LndClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new LndClient(
            sp.GetRequiredService<IOptions<LndClientOptions>>().Value,
            sp.GetService<ILogger<LndClient>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
