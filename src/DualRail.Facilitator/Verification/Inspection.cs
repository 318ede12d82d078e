namespace DualRail.Facilitator.Verification;

/// <summary>The result of <see cref="ExactEvmVerifier.Inspect"/>: a payment to check on chain, or why not.</summary>
internal sealed record Inspection
{
    public InspectedPayment? Payment { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    /// <summary>The request itself is malformed (answered with 400, not with isValid=false).</summary>
    public bool IsMalformed { get; init; }

    /// <summary>The payer, when the payload was readable (for the response).</summary>
    public string? Payer { get; init; }

    public static Inspection Ok(InspectedPayment payment) => new() { Payment = payment, Payer = payment.Payer };

    public static Inspection Invalid(string reason, string message, string? payer = null) => new() { Reason = reason, Message = message, Payer = payer };

    public static Inspection Malformed(string reason, string message) => new() { Reason = reason, Message = message, IsMalformed = true };
}
