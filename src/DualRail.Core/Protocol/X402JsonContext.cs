using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DualRail.Protocol;

/// <summary>Source-generated serialization for every x402 wire type.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PaymentRequirements))]
[JsonSerializable(typeof(ResourceInfo))]
[JsonSerializable(typeof(PaymentRequired))]
[JsonSerializable(typeof(PaymentPayload))]
[JsonSerializable(typeof(VerifyResponse))]
[JsonSerializable(typeof(SettleResponse))]
[JsonSerializable(typeof(SupportedKind))]
[JsonSerializable(typeof(SupportedResponse))]
[JsonSerializable(typeof(FacilitatorRequest))]
[JsonSerializable(typeof(PaymentRequirementsV1))]
[JsonSerializable(typeof(PaymentRequiredV1))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
public sealed partial class X402JsonContext : JsonSerializerContext;
