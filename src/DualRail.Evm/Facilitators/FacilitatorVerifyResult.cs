using DualRail.Protocol;

namespace DualRail.Evm.Facilitators;

/// <summary>
/// The outcome of <see cref="IFacilitatorClient.VerifyAsync"/>: a facilitator's well-formed answer,
/// or (when none could give one) why not. No answer never means valid.
/// </summary>
public sealed record FacilitatorVerifyResult
{
    /// <summary>The answer, or null when no facilitator gave a well-formed one.</summary>
    public VerifyResponse? Response { get; init; }

    /// <summary>The base URL of the facilitator that answered.</summary>
    public string? Facilitator { get; init; }

    /// <summary>Why no facilitator answered (unreachable, timeout, 5xx, redirect, malformed, none supports the kind).</summary>
    public string? Failure { get; init; }

    public bool Answered => Response is not null;

    public static FacilitatorVerifyResult From(string facilitator, VerifyResponse response) => new() { Facilitator = facilitator, Response = response };

    public static FacilitatorVerifyResult Unavailable(string failure) => new() { Failure = failure };
}
