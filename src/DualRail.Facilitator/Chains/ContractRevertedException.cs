namespace DualRail.Facilitator.Chains;

/// <summary>A call or gas estimate reverted; <see cref="Reason"/> is the decoded Error(string), if any.</summary>
internal sealed class ContractRevertedException(string? reason, string message) : Exception(message)
{
    public string? Reason { get; } = reason;
}
