using DualRail.Ledger;
using DualRail.Money;
using DualRail.Networks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DualRail.DependencyInjection;

public static class DualRailCoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds what every DualRail host needs, without ASP.NET Core: the ledger (SQLite by default,
    /// <c>DualRail:Ledger</c>), the settlement worker (<c>DualRail:Settlement</c>), the network registry and
    /// the exchange rate (<c>DualRail:ExchangeRates</c>). Defaults are registered with TryAdd, so an
    /// <see cref="IPaymentLedger"/> or <see cref="IExchangeRateProvider"/> registered first wins.
    /// </summary>
    public static DualRailBuilder AddDualRailCore(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var ledger = services.AddOptions<LedgerOptions>();
        var settlement = services.AddOptions<SettlementWorkerOptions>();
        var rates = services.AddOptions<ExchangeRateOptions>();
        if (configuration is not null)
        {
            ledger.Bind(configuration.GetSection(LedgerOptions.SectionName));
            settlement.Bind(configuration.GetSection(SettlementWorkerOptions.SectionName));
            rates.Bind(configuration.GetSection(ExchangeRateOptions.SectionName));
        }
        ledger.ValidateOnStart();
        settlement.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LedgerOptions>, LedgerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SettlementWorkerOptions>, SettlementWorkerOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SettlementSignal>();
        services.TryAddSingleton<NetworkRegistry>();
        services.TryAddSingleton<IExchangeRateProvider, StaticExchangeRateProvider>();
        services.TryAddSingleton<SqlitePaymentLedger>();
        services.TryAddSingleton<IPaymentLedger>(sp => sp.GetRequiredService<SqlitePaymentLedger>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LedgerStartupCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SettlementWorker>());
        return new DualRailBuilder(services, configuration);
    }
}
