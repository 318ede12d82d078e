using System.Globalization;
using System.Text.Json.Nodes;
using DualRail.Lightning.Bolt11;
using DualRail.Protocol;

namespace DualRail.Lightning.Rail;

/// <summary>The Lightning <c>accepts</c> entry (design.md, "Lightning in x402").</summary>
internal static class LightningRequirements
{
    public const string Scheme = "exact";
    public const string Asset = "BTC";
    public const string PaymentMethod = "lightning";

    public static PaymentRequirements Create(string network, Bolt11Invoice invoice, long amountMsat, int maxTimeoutSeconds) => new()
    {
        Scheme = Scheme,
        Network = network,
        Amount = amountMsat.ToString(CultureInfo.InvariantCulture),
        Asset = Asset,
        PayTo = invoice.PayeePublicKeyHex,
        MaxTimeoutSeconds = maxTimeoutSeconds,
        Extra = new JsonObject
        {
            ["paymentMethod"] = PaymentMethod,
            ["denomination"] = "msat",
            ["invoice"] = invoice.PaymentRequest,
            ["paymentHash"] = invoice.PaymentHashHex,
            ["invoiceExpiry"] = invoice.ExpiresAt.ToUnixTimeSeconds(),
        },
    };
}
