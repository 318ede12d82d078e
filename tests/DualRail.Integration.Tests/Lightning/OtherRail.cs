using System.Text.Json.Nodes;
using DualRail.Protocol;
using DualRail.Rails;

namespace DualRail.Integration.Tests.Lightning;

/// <summary>
/// A second rail for tests only: it always quotes one USDC-like entry (so a 402 shows what still sells while LND
/// is down) and accepts no payment.
/// </summary>
internal sealed class OtherRail : IPaymentRail
{
    public const string NetworkId = "eip155:84532";

    public string Name => "other";

    public bool IsAvailable => true;

    public bool CanHandle(PaymentPayload payload) => payload.EffectiveNetwork == NetworkId;

    public ValueTask<IReadOnlyList<PaymentRequirements>> QuoteAsync(PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PaymentRequirements>>(
        [
            new PaymentRequirements
            {
                Scheme = "exact",
                Network = NetworkId,
                Amount = "10000",
                Asset = "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
                PayTo = "0x000000000000000000000000000000000000dEaD",
                MaxTimeoutSeconds = context.MaxTimeoutSeconds,
                Extra = new JsonObject { ["name"] = "USDC", ["version"] = "2" },
            },
        ]);

    public ValueTask<PaymentRequirements?> MatchAsync(PaymentPayload payload, PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<PaymentRequirements?>(null);

    public ValueTask<PaymentVerification> VerifyAsync(PaymentPayload payload, PaymentRequirements requirements, PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PaymentVerification.Invalid(ReasonCodes.InvalidPayment, "this test rail accepts nothing"));

    public ValueTask<PaymentSettlement> SettleAsync(PaymentPayload payload, PaymentRequirements requirements, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PaymentSettlement.Failed(NetworkId, ReasonCodes.InvalidPayment));
}
