using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>One entry of the v1 402 body's <c>accepts</c>.</summary>
public sealed record PaymentRequirementsV1
{
    public required string Scheme { get; init; }

    /// <summary>v1 network name (e.g. <c>base-sepolia</c>); CAIP-2 for networks v1 never named.</summary>
    public required string Network { get; init; }

    public required string MaxAmountRequired { get; init; }

    public required string Asset { get; init; }

    public required string PayTo { get; init; }

    public required string Resource { get; init; }

    public string Description { get; init; } = "";

    public string MimeType { get; init; } = "";

    public JsonObject? OutputSchema { get; init; }

    public required int MaxTimeoutSeconds { get; init; }

    public JsonObject? Extra { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
