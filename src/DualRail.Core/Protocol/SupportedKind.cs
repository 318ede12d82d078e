using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>One (version, scheme, network) a facilitator supports.</summary>
public sealed record SupportedKind
{
    public required int X402Version { get; init; }

    public required string Scheme { get; init; }

    public required string Network { get; init; }

    public JsonObject? Extra { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
