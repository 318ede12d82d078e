using DualRail.Money;
using DualRail.Rails;

namespace DualRail.AspNetCore.Metadata;

/// <summary>Puts a price on an MVC action or controller (minimal APIs: <c>.RequirePayment("$0.01")</c>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequirePaymentAttribute : Attribute, IPaymentMetadata
{
    /// <param name="price">"$0.01", "0.01 USDC", "1500 sat", ... A price that does not parse throws at start-up.</param>
    public RequirePaymentAttribute(string price)
    {
        PriceText = price;
        Price = Price.Parse(price);
    }

    public string PriceText { get; }

    public Price Price { get; }

    public string? Description { get; set; }

    public string? MimeType { get; set; }

    public SettlementMode Settlement { get; set; } = SettlementMode.Async;

    public int MaxTimeoutSeconds { get; set; }
}
