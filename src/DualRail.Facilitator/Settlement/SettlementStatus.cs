namespace DualRail.Facilitator.Settlement;

/// <summary>Where a settlement transaction stands.</summary>
public enum SettlementStatus
{
    /// <summary>Signed and handed to the node; no receipt yet.</summary>
    Submitted,

    /// <summary>Mined with status 1: the authorization is used and the value moved.</summary>
    Confirmed,

    /// <summary>Reverted, or never accepted by the node: the authorization may be settled again.</summary>
    Failed,
}
