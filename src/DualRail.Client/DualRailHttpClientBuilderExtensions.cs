using DualRail.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the x402 payment handler on a named or typed <see cref="HttpClient"/>.</summary>
public static class DualRailHttpClientBuilderExtensions
{
    /// <summary>
    /// Answers 402s from this client's requests with one payment and one retry, within the spend
    /// policy. Each client name has its own session (payers and spending total).
    /// <code>
    /// services.AddHttpClient("paid").AddDualRailPayments(o =>
    /// {
    ///     o.Evm.PrivateKey = Environment.GetEnvironmentVariable("PAYER_KEY");
    ///     o.Policy.MaxPerRequest.Add("$0.05");
    /// });
    /// </code>
    /// </summary>
    public static IHttpClientBuilder AddDualRailPayments(this IHttpClientBuilder builder, Action<DualRailClientOptions>? configure = null)
    {
        var name = builder.Name;
        var options = builder.Services.AddOptions<DualRailClientOptions>(name);
        if (configure is not null)
            options.Configure(configure);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddKeyedSingleton(name, (services, _) => PaymentSessionFactory.Create(services, name));
        builder.AddHttpMessageHandler(services => new X402PaymentHandler(
            services.GetRequiredKeyedService<PaymentSession>(name),
            services.GetService<ILogger<X402PaymentHandler>>()));
        return builder;
    }
}
