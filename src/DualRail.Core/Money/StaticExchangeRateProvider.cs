using Microsoft.Extensions.Options;

namespace DualRail.Money;

/// <summary>The configured fixed rate (<c>DualRail:ExchangeRates:UsdPerBtc</c>).</summary>
public sealed class StaticExchangeRateProvider(IOptionsMonitor<ExchangeRateOptions> options) : IExchangeRateProvider
{
    public ValueTask<decimal> GetUsdPerBtcAsync(CancellationToken cancellationToken)
    {
        var rate = options.CurrentValue.UsdPerBtc;
        if (rate is not > 0)
            throw new InvalidOperationException("No USD/BTC exchange rate: set DualRail:ExchangeRates:UsdPerBtc to sell USD prices in bitcoin (or bitcoin prices in USD).");
        return ValueTask.FromResult(rate.Value);
    }
}
