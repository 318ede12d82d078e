using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>
/// A settlement result: a facilitator's answer to <c>POST /settle</c>, and the body of the
/// <c>PAYMENT-RESPONSE</c> / <c>X-PAYMENT-RESPONSE</c> header.
/// </summary>
public sealed record SettleResponse
{
    public required bool Success { get; init; }

    public string? ErrorReason { get; init; }

    public string? ErrorMessage { get; init; }

    public string? Payer { get; init; }

    /// <summary>Transaction hash (EVM) or payment hash (Lightning); <c>""</c> when not (yet) known.</summary>
    public string Transaction { get; init; } = "";

    public required string Network { get; init; }

    public string? Amount { get; init; }

    public JsonObject? Extensions { get; init; }

    /// <summary>DualRail: <c>pending</c>, <c>settled</c> or <c>failed</c> (async settlement answers <c>pending</c>).</summary>
    public string? Status { get; init; }

    /// <summary>DualRail: the receipt id, readable at <c>GET /x402/receipts/{id}</c>.</summary>
    public string? ReceiptId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
