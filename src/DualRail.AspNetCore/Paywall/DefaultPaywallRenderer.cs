using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using DualRail.AspNetCore.Configuration;
using DualRail.Networks;
using DualRail.Protocol;
using DualRail.Rails;
using Microsoft.Extensions.Options;

namespace DualRail.AspNetCore.Paywall;

/// <summary>
/// A plain page that shows both rails: the price, the Lightning invoice with its QR code, and the
/// USDC terms (network, token, amount, recipient) for an x402 client.
/// </summary>
internal sealed class DefaultPaywallRenderer(IOptions<DualRailOptions> options, NetworkRegistry networks) : IPaywallRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public string Render(PaymentRequired paymentRequired, PaymentContext context)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Payment required</title><style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}")
            .Append("section{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}")
            .Append("code,textarea{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all}")
            .Append("textarea{width:100%;height:5rem}dt{font-weight:600}dd{margin:0 0 .5rem 0}")
            .Append("</style></head><body>");
        page.Append("<h1>").Append(Html.Encode(options.Value.AppName)).Append(": payment required</h1>");
        page.Append("<p>").Append(Html.Encode(context.Description ?? context.ResourceUrl)).Append("</p>");
        page.Append("<p>Price: <strong>").Append(Html.Encode(context.Price.ToString())).Append("</strong></p>");

        if (paymentRequired.Accepts.Count == 0)
            page.Append("<section><p>No payment method is available right now. Please try again later.</p></section>");

        foreach (var requirements in paymentRequired.Accepts)
        {
            if (ExtraString(requirements, "paymentMethod") == "lightning")
                AppendLightning(page, requirements);
            else if (requirements.Network.StartsWith(NetworkId.Eip155 + ":", StringComparison.Ordinal))
                AppendEvm(page, requirements);
        }

        page.Append("<p><small>This resource speaks <a href=\"https://x402.org\">x402</a>: an x402 client reads the ")
            .Append("<code>PAYMENT-REQUIRED</code> header of this response, pays, and retries with <code>PAYMENT-SIGNATURE</code>.</small></p>")
            .Append("</body></html>");
        return page.ToString();
    }

    private static void AppendLightning(StringBuilder page, PaymentRequirements requirements)
    {
        var invoice = ExtraString(requirements, "invoice");
        page.Append("<section><h2>Bitcoin Lightning</h2>");
        page.Append("<p>").Append(Html.Encode(FormatMsat(requirements.Amount))).Append("</p>");
        if (!string.IsNullOrEmpty(invoice))
        {
            page.Append("<img alt=\"Lightning invoice QR code\" width=\"240\" height=\"240\" src=\"")
                .Append(QrCodeImage.PngDataUri("lightning:" + invoice.ToUpperInvariant())).Append("\">");
            page.Append("<p><a href=\"lightning:").Append(Html.Encode(invoice)).Append("\">Open in a wallet</a></p>");
            page.Append("<textarea readonly>").Append(Html.Encode(invoice)).Append("</textarea>");
        }
        page.Append("<p><small>After paying, retry the request with the payment hash and the preimage your wallet shows ")
            .Append("(<code>{\"paymentHash\":\"…\",\"preimage\":\"…\"}</code>) in <code>PAYMENT-SIGNATURE</code>.</small></p></section>");
    }

    private void AppendEvm(StringBuilder page, PaymentRequirements requirements)
    {
        var known = NetworkId.TryParse(requirements.Network, out var id) && networks.TryGetEvm(id, out var evm) ? evm : null;
        var token = ExtraString(requirements, "name") ?? "USDC";
        page.Append("<section><h2>USDC on ").Append(Html.Encode(known?.DisplayName ?? requirements.Network)).Append("</h2><dl>");
        Term(page, "Amount", FormatUnits(requirements.Amount, known?.UsdcDecimals ?? 6) + " " + token);
        Term(page, "Network", requirements.Network);
        Term(page, "Token", requirements.Asset);
        Term(page, "Pay to", requirements.PayTo);
        page.Append("</dl><p><small>Sign an EIP-3009 authorization with an x402 client, e.g. <code>dualrail pay &lt;url&gt;</code>.</small></p></section>");
    }

    private static string? ExtraString(PaymentRequirements requirements, string name) =>
        requirements.Extra?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void Term(StringBuilder page, string name, string value) =>
        page.Append("<dt>").Append(Html.Encode(name)).Append("</dt><dd><code>").Append(Html.Encode(value)).Append("</code></dd>");

    private static string FormatMsat(string amount) =>
        long.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var msat)
            ? (msat % 1000 == 0 ? (msat / 1000).ToString("N0", CultureInfo.InvariantCulture) + " sat" : FormatUnits(amount, 3) + " sat")
            : amount + " msat";

    private static string FormatUnits(string amount, int decimals)
    {
        if (!BigInteger.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return amount;
        var scale = BigInteger.Pow(10, decimals);
        var whole = BigInteger.DivRem(value, scale, out var fraction);
        var fractionText = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0').TrimEnd('0');
        return fractionText.Length == 0 ? whole.ToString(CultureInfo.InvariantCulture) : $"{whole}.{fractionText}";
    }
}
