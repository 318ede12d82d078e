using DualRail.Protocol;
using DualRail.Rails;

namespace DualRail.AspNetCore.Paywall;

/// <summary>Renders the HTML a browser gets instead of the JSON 402 body. Replace it to brand the page.</summary>
public interface IPaywallRenderer
{
    string Render(PaymentRequired paymentRequired, PaymentContext context);
}
