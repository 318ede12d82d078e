using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>v2 terms of a 402, sent base64-encoded in the <c>PAYMENT-REQUIRED</c> header.</summary>
public sealed record PaymentRequired
{
    public int X402Version { get; init; } = 2;

    public string? Error { get; init; }

    public required ResourceInfo Resource { get; init; }

    public required IReadOnlyList<PaymentRequirements> Accepts { get; init; }

    public JsonObject? Extensions { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
