namespace DualRail.Client;

/// <summary>A payer tried and could not pay (no route, node unreachable, bad invoice, ...).</summary>
public sealed class PaymentFailedException : Exception
{
    public PaymentFailedException(string rail, string message, Exception? innerException = null)
        : base(message, innerException) => Rail = rail;

    public string Rail { get; }
}
