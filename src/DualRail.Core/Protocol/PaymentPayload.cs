using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DualRail.Networks;

namespace DualRail.Protocol;

/// <summary>
/// What a client sends to pay: v2 in <c>PAYMENT-SIGNATURE</c> (with <see cref="Accepted"/>), v1 in
/// <c>X-PAYMENT</c> (with <see cref="Scheme"/> and <see cref="Network"/>).
/// </summary>
public sealed record PaymentPayload
{
    public required int X402Version { get; init; }

    /// <summary>v2 only, optional.</summary>
    public ResourceInfo? Resource { get; init; }

    /// <summary>v2: the chosen requirement, verbatim.</summary>
    public PaymentRequirements? Accepted { get; init; }

    /// <summary>v1 only.</summary>
    public string? Scheme { get; init; }

    /// <summary>v1 only: a v1 network name such as <c>base-sepolia</c> (or a CAIP-2 id).</summary>
    public string? Network { get; init; }

    /// <summary>Scheme-specific proof (EIP-3009 authorization + signature, Lightning preimage, ...).</summary>
    public required JsonObject Payload { get; init; }

    public JsonObject? Extensions { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The scheme, whichever version carried it.</summary>
    [JsonIgnore]
    public string? EffectiveScheme => X402Version == 1 ? Scheme : Accepted?.Scheme;

    /// <summary>The network as CAIP-2, whichever version carried it (v1 names are resolved).</summary>
    [JsonIgnore]
    public string? EffectiveNetwork => X402Version == 1
        ? (Network is null ? null : KnownNetworks.FromV1Name(Network)?.ToString() ?? Network)
        : Accepted?.Network;
}
