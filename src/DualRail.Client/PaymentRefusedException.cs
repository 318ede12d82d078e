namespace DualRail.Client;

/// <summary>
/// The server asked for a payment that was not made: the spend policy refused every offer, or no
/// configured payer can pay any of them. Nothing was paid.
/// </summary>
public sealed class PaymentRefusedException : Exception
{
    public PaymentRefusedException(string message, IReadOnlyList<string> reasons)
        : base(message + (reasons.Count > 0 ? ": " + string.Join("; ", reasons) : ""))
        => Reasons = reasons;

    /// <summary>Why each offer in <c>accepts</c> was left out.</summary>
    public IReadOnlyList<string> Reasons { get; }
}
