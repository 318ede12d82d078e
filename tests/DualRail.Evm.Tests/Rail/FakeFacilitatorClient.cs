using DualRail.Evm.Facilitators;
using DualRail.Protocol;

namespace DualRail.Evm.Tests.Rail;

/// <summary>A scripted <see cref="IFacilitatorClient"/> that records what it was asked.</summary>
internal sealed class FakeFacilitatorClient : IFacilitatorClient
{
    public List<FacilitatorRequest> Verified { get; } = [];

    public List<FacilitatorRequest> Settled { get; } = [];

    public bool Available { get; set; } = true;

    public Func<FacilitatorRequest, FacilitatorVerifyResult> OnVerify { get; set; } =
        r => FacilitatorVerifyResult.From("fake", new VerifyResponse { IsValid = true, Payer = Payer(r) });

    public Func<FacilitatorRequest, FacilitatorSettleResult> OnSettle { get; set; } =
        r => FacilitatorSettleResult.From("fake", new SettleResponse { Success = true, Transaction = "0x" + new string('a', 64), Network = r.PaymentRequirements.Network, Payer = Payer(r) });

    public bool IsAvailable(FacilitatorKind kind) => Available;

    public Task<FacilitatorVerifyResult> VerifyAsync(FacilitatorRequest request, CancellationToken cancellationToken)
    {
        Verified.Add(request);
        return Task.FromResult(OnVerify(request));
    }

    public Task<FacilitatorSettleResult> SettleAsync(FacilitatorRequest request, CancellationToken cancellationToken)
    {
        Settled.Add(request);
        return Task.FromResult(OnSettle(request));
    }

    public Task<IReadOnlyDictionary<string, SupportedResponse?>> GetSupportedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, SupportedResponse?>>(new Dictionary<string, SupportedResponse?>());

    private static string? Payer(FacilitatorRequest request) => (string?)request.PaymentPayload.Payload["authorization"]?["from"];
}
