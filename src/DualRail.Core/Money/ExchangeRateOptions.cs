namespace DualRail.Money;

/// <summary>Options bound from <c>DualRail:ExchangeRates</c>.</summary>
public sealed class ExchangeRateOptions
{
    public const string SectionName = "DualRail:ExchangeRates";

    /// <summary>A fixed USD/BTC rate; null (the default) means no conversion between USD and bitcoin prices.</summary>
    public decimal? UsdPerBtc { get; set; }
}
