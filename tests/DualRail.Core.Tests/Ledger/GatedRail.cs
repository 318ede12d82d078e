using System.Collections.Concurrent;
using DualRail.Protocol;
using DualRail.Rails;

namespace DualRail.Core.Tests.Ledger;

/// <summary>
/// A rail whose settle calls wait until the test lets them through (all at once, or one payment at a
/// time); it records how many calls were in flight at most and how many calls each payment got.
/// </summary>
internal sealed class GatedRail : IPaymentRail
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();
    private int _inFlight;
    private int _maxInFlight;

    public string Name => "fake";

    public bool IsAvailable => true;

    public ConcurrentDictionary<string, int> SettleCalls { get; } = new();

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Lets every call through, now and later, except payments held by <see cref="Hold"/>.</summary>
    public void OpenAll() => _open.TrySetResult();

    public void Hold(string key) => _held[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string key) => _held[key].TrySetResult();

    public bool CanHandle(PaymentPayload payload) => payload.EffectiveNetwork == "test:fake";

    public ValueTask<IReadOnlyList<PaymentRequirements>> QuoteAsync(PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PaymentRequirements>>([LedgerFixture.Requirements()]);

    public ValueTask<PaymentRequirements?> MatchAsync(PaymentPayload payload, PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<PaymentRequirements?>(LedgerFixture.Requirements());

    public ValueTask<PaymentVerification> VerifyAsync(PaymentPayload payload, PaymentRequirements requirements, PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PaymentVerification.Valid(payload.Payload["proof"]!.GetValue<string>(), "test:fake"));

    public async ValueTask<PaymentSettlement> SettleAsync(PaymentPayload payload, PaymentRequirements requirements, CancellationToken cancellationToken)
    {
        var key = payload.Payload["proof"]!.GetValue<string>();
        SettleCalls.AddOrUpdate(key, 1, (_, n) => n + 1);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            var gate = _held.TryGetValue(key, out var held) ? held : _open;
            await gate.Task.WaitAsync(cancellationToken);
            return PaymentSettlement.Succeeded("test:fake", "tx-" + key);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
