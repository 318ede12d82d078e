namespace DualRail.Money;

/// <summary>Converts between USD prices and bitcoin when a route is sold on a rail of the other unit.</summary>
public interface IExchangeRateProvider
{
    /// <summary>US dollars per bitcoin. Throws when no rate is available (the rail is then left out of accepts).</summary>
    ValueTask<decimal> GetUsdPerBtcAsync(CancellationToken cancellationToken);
}
