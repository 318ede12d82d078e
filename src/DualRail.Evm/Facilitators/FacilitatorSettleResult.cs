using DualRail.Protocol;

namespace DualRail.Evm.Facilitators;

/// <summary>
/// The outcome of <see cref="IFacilitatorClient.SettleAsync"/>. When <see cref="Response"/> is null the
/// outcome is unknown: the facilitator may or may not have broadcast the transfer, so the caller
/// must retry later (the same authorization is idempotent at the facilitator and single-use on
/// chain), never treat it as settled.
/// </summary>
public sealed record FacilitatorSettleResult
{
    /// <summary>The facilitator's answer (success or a definite failure), or null when unknown.</summary>
    public SettleResponse? Response { get; init; }

    public string? Facilitator { get; init; }

    /// <summary>Why the outcome is unknown.</summary>
    public string? Failure { get; init; }

    public bool IsUnknown => Response is null;

    public static FacilitatorSettleResult From(string facilitator, SettleResponse response) => new() { Facilitator = facilitator, Response = response };

    public static FacilitatorSettleResult Unknown(string failure, string? facilitator = null) => new() { Failure = failure, Facilitator = facilitator };
}
