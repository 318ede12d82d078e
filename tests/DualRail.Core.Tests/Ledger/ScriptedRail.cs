using System.Collections.Concurrent;
using DualRail.Protocol;
using DualRail.Rails;

namespace DualRail.Core.Tests.Ledger;

/// <summary>A rail whose settle outcomes a test scripts; it counts settle calls per payment.</summary>
internal sealed class ScriptedRail : IPaymentRail
{
    private readonly ConcurrentQueue<Func<PaymentSettlement>> _script = new();

    public string Name => "fake";

    public bool IsAvailable => true;

    public ConcurrentDictionary<string, int> SettleCalls { get; } = new();

    public void Then(Func<PaymentSettlement> outcome) => _script.Enqueue(outcome);

    public bool CanHandle(PaymentPayload payload) => payload.EffectiveNetwork == "test:fake";

    public ValueTask<IReadOnlyList<PaymentRequirements>> QuoteAsync(PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PaymentRequirements>>([LedgerFixture.Requirements()]);

    public ValueTask<PaymentRequirements?> MatchAsync(PaymentPayload payload, PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<PaymentRequirements?>(LedgerFixture.Requirements());

    public ValueTask<PaymentVerification> VerifyAsync(PaymentPayload payload, PaymentRequirements requirements, PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PaymentVerification.Valid(payload.Payload["proof"]!.GetValue<string>(), "test:fake"));

    public ValueTask<PaymentSettlement> SettleAsync(PaymentPayload payload, PaymentRequirements requirements, CancellationToken cancellationToken)
    {
        var key = payload.Payload["proof"]!.GetValue<string>();
        SettleCalls.AddOrUpdate(key, 1, (_, n) => n + 1);
        var outcome = _script.TryDequeue(out var next) ? next() : PaymentSettlement.Succeeded("test:fake", "tx-" + key);
        return ValueTask.FromResult(outcome);
    }
}
