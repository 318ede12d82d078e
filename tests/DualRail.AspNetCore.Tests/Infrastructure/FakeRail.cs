using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using DualRail.Protocol;
using DualRail.Rails;

namespace DualRail.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A rail for tests only. It sells on network <c>test:fake</c> with scheme <c>exact</c>; its requirement
/// names the resource in extra, so a payment for one route does not pay another. A payload is
/// <c>{ "proof": "...", "valid": true, "final": false }</c>; the proof is the single-use key, and a final one
/// is already settled at verification (transaction "final-&lt;proof&gt;"), like a paid Lightning invoice.
/// </summary>
internal sealed class FakeRail : IPaymentRail
{
    public const string NetworkId = "test:fake";

    public string Name => "fake";

    public bool IsAvailable { get; set; } = true;

    /// <summary>What settling answers; default success with transaction "tx-&lt;proof&gt;".</summary>
    public Func<string, PaymentSettlement>? SettleOutcome { get; set; }

    /// <summary>
    /// Awaited (with the proof and the token the rail was given) before a settlement completes, e.g. to let
    /// the client hang up mid-settlement; a cancelled token fails the settlement as a real rail would.
    /// </summary>
    public Func<string, CancellationToken, Task>? BeforeSettleCompletes { get; set; }

    public ConcurrentDictionary<string, int> SettleCalls { get; } = new();

    public ConcurrentQueue<string> Events { get; } = new();

    public bool CanHandle(PaymentPayload payload) => payload.EffectiveScheme == "exact" && payload.EffectiveNetwork == NetworkId;

    public ValueTask<IReadOnlyList<PaymentRequirements>> QuoteAsync(PaymentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PaymentRequirements>>([Requirement(context)]);

    public ValueTask<PaymentRequirements?> MatchAsync(PaymentPayload payload, PaymentContext context, CancellationToken cancellationToken)
    {
        var issued = Requirement(context);
        var matches = payload.X402Version == 1
            ? X402VersionConverter.MatchesV1(payload, issued)
            : PaymentRequirementsComparer.DeepEquals(payload.Accepted, issued);
        return ValueTask.FromResult(matches ? issued : null);
    }

    public ValueTask<PaymentVerification> VerifyAsync(PaymentPayload payload, PaymentRequirements requirements, PaymentContext context, CancellationToken cancellationToken)
    {
        var proof = payload.Payload["proof"]?.GetValue<string>();
        var valid = payload.Payload["valid"]?.GetValue<bool>() ?? true;
        var final = payload.Payload["final"]?.GetValue<bool>() ?? false;
        if (string.IsNullOrEmpty(proof) || !valid)
            return ValueTask.FromResult(PaymentVerification.Invalid(ReasonCodes.InvalidExactEvmPayloadSignature, "the fake proof is invalid"));
        return ValueTask.FromResult(final
            ? PaymentVerification.Final("fake:" + proof, NetworkId, PaymentSettlement.Succeeded(NetworkId, "final-" + proof), payer: "payer-" + proof)
            : PaymentVerification.Valid("fake:" + proof, NetworkId, payer: "payer-" + proof));
    }

    public async ValueTask<PaymentSettlement> SettleAsync(PaymentPayload payload, PaymentRequirements requirements, CancellationToken cancellationToken)
    {
        var proof = payload.Payload["proof"]!.GetValue<string>();
        SettleCalls.AddOrUpdate(proof, 1, (_, n) => n + 1);
        Events.Enqueue("settle:" + proof);
        if (BeforeSettleCompletes is { } wait)
            await wait(proof, cancellationToken);
        return SettleOutcome?.Invoke(proof) ?? PaymentSettlement.Succeeded(NetworkId, "tx-" + proof);
    }

    private static PaymentRequirements Requirement(PaymentContext context) => new()
    {
        Scheme = "exact",
        Network = NetworkId,
        Amount = context.Price.ToUsdAtomic(6).ToString(CultureInfo.InvariantCulture),
        Asset = "FAKEUSD",
        PayTo = "merchant",
        MaxTimeoutSeconds = context.MaxTimeoutSeconds,
        Extra = new JsonObject { ["resource"] = context.ResourceKey },
    };
}
