namespace DualRail.Ledger;

/// <summary>A leased row of the settlement queue.</summary>
public sealed record PendingSettlement
{
    public required string ReceiptId { get; init; }

    public required SettlementRequest Request { get; init; }

    /// <summary>Attempts so far, including the one this lease is for.</summary>
    public required int Attempts { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }
}
