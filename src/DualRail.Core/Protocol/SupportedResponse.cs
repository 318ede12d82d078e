using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>A facilitator's answer to <c>GET /supported</c>.</summary>
public sealed record SupportedResponse
{
    public required IReadOnlyList<SupportedKind> Kinds { get; init; }

    public IReadOnlyList<string>? Extensions { get; init; }

    /// <summary>Signer addresses by network pattern, e.g. <c>"eip155:*": ["0x..."]</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Signers { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
