using DualRail.Protocol;

namespace DualRail.Ledger;

/// <summary>What a payer can look up at <c>GET /x402/receipts/{id}</c>.</summary>
public sealed record Receipt
{
    public required string Id { get; init; }

    public required ReceiptStatus Status { get; init; }

    public required string Rail { get; init; }

    public required string Network { get; init; }

    public string? Transaction { get; init; }

    public string? Payer { get; init; }

    public string? ErrorReason { get; init; }

    public string? SingleUseKey { get; init; }

    public string? ResourceKey { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SettledAt { get; init; }

    /// <summary>The receipt as the body of a PAYMENT-RESPONSE header.</summary>
    public SettleResponse ToSettleResponse() => new()
    {
        Success = Status != ReceiptStatus.Failed,
        Transaction = Transaction ?? "",
        Network = Network,
        Payer = Payer,
        ErrorReason = ErrorReason,
        Status = Status.ToString().ToLowerInvariant(),
        ReceiptId = Id,
    };
}
