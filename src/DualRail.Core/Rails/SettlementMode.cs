namespace DualRail.Rails;

/// <summary>When a route's payment is settled relative to its handler.</summary>
public enum SettlementMode
{
    /// <summary>Record the settlement durably, answer at once (PAYMENT-RESPONSE status pending), settle in the background.</summary>
    Async = 0,

    /// <summary>Settle after the handler succeeded and before answering; a failed settlement discards the body (402).</summary>
    Sync = 1,

    /// <summary>Settle before the handler runs (expensive or high-value work).</summary>
    SettleFirst = 2,
}
