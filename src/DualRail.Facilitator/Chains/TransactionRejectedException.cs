namespace DualRail.Facilitator.Chains;

/// <summary>The node refused a raw transaction (nonce too low, underpriced, ...).</summary>
internal sealed class TransactionRejectedException(string nodeMessage) : Exception("The node rejected the transaction: " + nodeMessage)
{
    public string NodeMessage { get; } = nodeMessage;

    /// <summary>True when the refusal is about the nonce, so resyncing it and retrying can help.</summary>
    public bool IsNonceProblem =>
        NodeMessage.Contains("nonce", StringComparison.OrdinalIgnoreCase)
        || NodeMessage.Contains("already known", StringComparison.OrdinalIgnoreCase)
        || NodeMessage.Contains("replacement transaction underpriced", StringComparison.OrdinalIgnoreCase);
}
