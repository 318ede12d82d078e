using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>The body of a facilitator's <c>POST /verify</c> and <c>POST /settle</c>.</summary>
public sealed record FacilitatorRequest
{
    public int X402Version { get; init; } = 2;

    public required PaymentPayload PaymentPayload { get; init; }

    public required PaymentRequirements PaymentRequirements { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
