using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>A facilitator's answer to <c>POST /verify</c>.</summary>
public sealed record VerifyResponse
{
    public required bool IsValid { get; init; }

    public string? InvalidReason { get; init; }

    public string? InvalidMessage { get; init; }

    public string? Payer { get; init; }

    public JsonObject? Extensions { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
