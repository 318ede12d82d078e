using DualRail.Client.Evm;
using DualRail.Client.Lightning;
using DualRail.Client.Payers;
using DualRail.Client.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Client;

/// <summary>Builds the <see cref="PaymentSession"/> of a named client from its options and DI.</summary>
internal static class PaymentSessionFactory
{
    public static PaymentSession Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<DualRailClientOptions>>().Get(name);
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var payers = new List<IPaymentPayer>(options.Payers);
        if (options.Evm.IsConfigured)
            payers.Add(new EvmPayer(options.Evm, timeProvider));
        if (options.Lightning.IsConfigured)
            payers.Add(LightningPayer.Connect(options.Lightning, services.GetService<ILoggerFactory>(), timeProvider));
        payers.AddRange(services.GetServices<IPaymentPayer>());
        return new PaymentSession(payers, new SpendPolicy(options.Policy), options.PreferredRails, options.AllowedRails);
    }
}
