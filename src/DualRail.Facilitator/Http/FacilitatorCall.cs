using DualRail.Protocol;

namespace DualRail.Facilitator.Http;

/// <summary>A well-formed /verify or /settle body, v1 requirements already converted to v2.</summary>
internal sealed record FacilitatorCall(int X402Version, PaymentPayload Payload, PaymentRequirements Requirements);
