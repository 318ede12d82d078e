using DualRail.Lightning.Lnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRail.Client.Lightning;

/// <summary>Connects the Lightning payer to the LND node named in its options.</summary>
internal static class LightningPayerFactory
{
    public static LightningPayer Create(LightningPayerOptions options, IServiceProvider services)
    {
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var lnd = new LndClient(
            new LndClientOptions { Endpoint = options.Endpoint!, TlsCertPath = options.TlsCertPath, MacaroonPath = options.MacaroonPath },
            services.GetService<ILogger<LndClient>>(),
            timeProvider);
        return new LightningPayer(lnd, options, timeProvider);
    }
}
