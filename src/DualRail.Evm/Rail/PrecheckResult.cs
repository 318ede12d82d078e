namespace DualRail.Evm.Rail;

/// <summary>The outcome of <see cref="ExactEvmPrecheck"/>: the decoded payment, and a refusal unless it passed.</summary>
internal sealed record PrecheckResult
{
    public ExactEvmPayload? Payment { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public bool Passed => Reason is null;

    public static PrecheckResult Pass(ExactEvmPayload payment) => new() { Payment = payment };

    public static PrecheckResult Refuse(string reason, string message, ExactEvmPayload? payment = null) =>
        new() { Reason = reason, Message = message, Payment = payment };
}
