using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>v2 description of the paid resource.</summary>
public sealed record ResourceInfo
{
    public required string Url { get; init; }

    public string? Description { get; init; }

    public string? MimeType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
