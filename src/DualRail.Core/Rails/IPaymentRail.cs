using DualRail.Protocol;

namespace DualRail.Rails;

/// <summary>
/// One way to get paid (USDC on EVM, Lightning). Registered in DI as <see cref="IPaymentRail"/>
/// (several); the middleware asks every available rail for quotes and hands a payment to the rail
/// that can handle it.
/// </summary>
public interface IPaymentRail
{
    /// <summary>A stable name ("evm", "lightning"); stored in the ledger to settle later.</summary>
    string Name { get; }

    /// <summary>False while the rail cannot sell (e.g. LND unreachable): it is left out of accepts.</summary>
    bool IsAvailable { get; }

    /// <summary>True when the payload's scheme and network (v2 accepted, or v1 scheme/network) belong to this rail.</summary>
    bool CanHandle(PaymentPayload payload);

    /// <summary>The requirements this rail offers for the resource and price (possibly none).</summary>
    ValueTask<IReadOnlyList<PaymentRequirements>> QuoteAsync(PaymentContext context, CancellationToken cancellationToken);

    /// <summary>The requirement this server would issue now that the payload pays, or null (no match: 402).</summary>
    ValueTask<PaymentRequirements?> MatchAsync(PaymentPayload payload, PaymentContext context, CancellationToken cancellationToken);

    /// <summary>Checks the proof of payment against the matched requirement.</summary>
    ValueTask<PaymentVerification> VerifyAsync(PaymentPayload payload, PaymentRequirements requirements, PaymentContext context, CancellationToken cancellationToken);

    /// <summary>Moves the money (EVM: facilitator /settle; Lightning: the invoice is already final, so it only confirms).</summary>
    ValueTask<PaymentSettlement> SettleAsync(PaymentPayload payload, PaymentRequirements requirements, CancellationToken cancellationToken);
}
