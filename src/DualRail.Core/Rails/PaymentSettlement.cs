using DualRail.Protocol;

namespace DualRail.Rails;

/// <summary>The outcome of <see cref="IPaymentRail.SettleAsync"/>.</summary>
public sealed record PaymentSettlement
{
    public required bool Success { get; init; }

    /// <summary>Transaction hash (EVM) or payment hash (Lightning).</summary>
    public string? Transaction { get; init; }

    public required string Network { get; init; }

    public string? Payer { get; init; }

    public string? ErrorReason { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>True when a failure is worth retrying later (facilitator unreachable, timeout).</summary>
    public bool IsTransient { get; init; }

    public static PaymentSettlement Succeeded(string network, string transaction, string? payer = null) =>
        new() { Success = true, Network = network, Transaction = transaction, Payer = payer };

    public static PaymentSettlement Failed(string network, string reason, string? message = null, bool transient = false, string? payer = null) =>
        new() { Success = false, Network = network, ErrorReason = reason, ErrorMessage = message, IsTransient = transient, Payer = payer };

    public SettleResponse ToSettleResponse() => new()
    {
        Success = Success,
        Transaction = Transaction ?? "",
        Network = Network,
        Payer = Payer,
        ErrorReason = ErrorReason,
        ErrorMessage = ErrorMessage,
        Status = Success ? "settled" : "failed",
    };
}
