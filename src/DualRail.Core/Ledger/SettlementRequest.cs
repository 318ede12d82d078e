using DualRail.Protocol;

namespace DualRail.Ledger;

/// <summary>A verified, served payment waiting to be settled by its rail.</summary>
public sealed record SettlementRequest
{
    public required string SingleUseKey { get; init; }

    /// <summary>The rail's <see cref="Rails.IPaymentRail.Name"/>.</summary>
    public required string Rail { get; init; }

    public required string ResourceKey { get; init; }

    public required PaymentPayload Payload { get; init; }

    public required PaymentRequirements Requirements { get; init; }

    /// <summary>The payer, when verification named one.</summary>
    public string? Payer { get; init; }
}
