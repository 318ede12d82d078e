using System.Text.Json.Nodes;
using DualRail.Protocol;
using DualRail.Rails;

namespace DualRail.Benchmarks.Middleware;

/// <summary>
/// A rail that costs (almost) nothing, so a benchmark of the paid request measures the middleware and
/// the ledger. Every verification gets a fresh single-use key, so one pre-made header pays every time.
/// A payload with <c>"final": true</c> is final at verification (like a settled Lightning invoice).
/// </summary>
internal sealed class BenchRail : IPaymentRail
{
    public const string NetworkId = "bench:fake";

    private long _next;

    public string Name => "bench";

    public bool IsAvailable => true;

    public static PaymentRequirements Requirement { get; } = new()
    {
        Scheme = "exact",
        Network = NetworkId,
        Amount = "10000",
        Asset = "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
        PayTo = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C",
        MaxTimeoutSeconds = 300,
        Extra = new JsonObject { ["name"] = "USDC", ["version"] = "2" },
    };

    public bool CanHandle(PaymentPayload payload) => payload.EffectiveNetwork == NetworkId;

    public ValueTask<IReadOnlyList<PaymentRequirements>> QuoteAsync(PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PaymentRequirements>>([Requirement]);

    public ValueTask<PaymentRequirements?> MatchAsync(PaymentPayload payload, PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<PaymentRequirements?>(Requirement);

    public ValueTask<PaymentVerification> VerifyAsync(PaymentPayload payload, PaymentRequirements requirements, PaymentContext context, CancellationToken cancellationToken)
    {
        var key = "bench:" + Interlocked.Increment(ref _next);
        var final = payload.Payload["final"]?.GetValue<bool>() ?? false;
        return ValueTask.FromResult(final
            ? PaymentVerification.Final(key, NetworkId, PaymentSettlement.Succeeded(NetworkId, key), "payer")
            : PaymentVerification.Valid(key, NetworkId, "payer"));
    }

    public ValueTask<PaymentSettlement> SettleAsync(PaymentPayload payload, PaymentRequirements requirements, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PaymentSettlement.Succeeded(NetworkId, "0xsettled"));
}
