namespace DualRail.Rails;

/// <summary>The outcome of <see cref="IPaymentRail.VerifyAsync"/>.</summary>
public sealed record PaymentVerification
{
    public required bool IsValid { get; init; }

    public string? InvalidReason { get; init; }

    public string? InvalidMessage { get; init; }

    public string? Payer { get; init; }

    /// <summary>
    /// What makes this payment single-use, e.g. "evm:84532:&lt;token&gt;:&lt;from&gt;:&lt;nonce&gt;" or
    /// "ln:&lt;paymentHash&gt;" (lower-case hex). Empty when invalid.
    /// </summary>
    public string SingleUseKey { get; init; } = "";

    /// <summary>CAIP-2 network of the payment.</summary>
    public string Network { get; init; } = "";

    /// <summary>
    /// Set when the payment is already final at verification (a settled Lightning invoice): there is
    /// nothing left to move, so the server records this settlement when the handler succeeds instead
    /// of calling <see cref="IPaymentRail.SettleAsync"/>, in every settlement mode.
    /// </summary>
    public PaymentSettlement? FinalSettlement { get; init; }

    public static PaymentVerification Valid(string singleUseKey, string network, string? payer = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(singleUseKey);
        return new() { IsValid = true, SingleUseKey = singleUseKey, Network = network, Payer = payer };
    }

    /// <summary>A valid payment that is already final; <paramref name="settlement"/> must be a success.</summary>
    public static PaymentVerification Final(string singleUseKey, string network, PaymentSettlement settlement, string? payer = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(singleUseKey);
        ArgumentNullException.ThrowIfNull(settlement);
        if (!settlement.Success)
            throw new ArgumentException("A final settlement must be a successful one.", nameof(settlement));
        return new() { IsValid = true, SingleUseKey = singleUseKey, Network = network, Payer = payer ?? settlement.Payer, FinalSettlement = settlement };
    }

    public static PaymentVerification Invalid(string reason, string? message = null, string? payer = null) =>
        new() { IsValid = false, InvalidReason = reason, InvalidMessage = message, Payer = payer };
}
