using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>One entry of v2 <c>accepts</c>: a way to pay this resource.</summary>
public sealed record PaymentRequirements
{
    public required string Scheme { get; init; }

    /// <summary>CAIP-2 network id, e.g. <c>eip155:84532</c> or <c>bip122:0f9188f13cb7b2c71f2a335e3a4fc328</c>.</summary>
    public required string Network { get; init; }

    /// <summary>Atomic units as a decimal integer string.</summary>
    public required string Amount { get; init; }

    public required string Asset { get; init; }

    public required string PayTo { get; init; }

    public required int MaxTimeoutSeconds { get; init; }

    public JsonObject? Extra { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
