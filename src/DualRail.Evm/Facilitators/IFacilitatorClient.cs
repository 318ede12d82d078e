using DualRail.Protocol;

namespace DualRail.Evm.Facilitators;

/// <summary>Talks to the configured x402 facilitators (reference/x402.md §3.1) and fails closed.</summary>
public interface IFacilitatorClient
{
    /// <summary>
    /// True unless every facilitator is known not to serve <paramref name="kind"/> (its last
    /// <c>/supported</c> failed or left the kind out). Never blocks; a due refresh starts in the background.
    /// </summary>
    bool IsAvailable(FacilitatorKind kind);

    /// <summary>POST /verify, failing over to the next facilitator when one cannot answer.</summary>
    Task<FacilitatorVerifyResult> VerifyAsync(FacilitatorRequest request, CancellationToken cancellationToken);

    /// <summary>POST /settle; fails over only when the request provably never reached a facilitator.</summary>
    Task<FacilitatorSettleResult> SettleAsync(FacilitatorRequest request, CancellationToken cancellationToken);

    /// <summary>The kinds each facilitator last reported (refreshing any that are due).</summary>
    Task<IReadOnlyDictionary<string, SupportedResponse?>> GetSupportedAsync(CancellationToken cancellationToken);
}
