using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>The v1 402 body: <c>{ x402Version: 1, error, accepts }</c>.</summary>
public sealed record PaymentRequiredV1
{
    public int X402Version { get; init; } = 1;

    public string Error { get; init; } = "";

    public required IReadOnlyList<PaymentRequirementsV1> Accepts { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
