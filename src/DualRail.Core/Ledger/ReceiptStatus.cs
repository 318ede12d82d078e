namespace DualRail.Ledger;

public enum ReceiptStatus
{
    Pending,
    Settled,
    Failed,
}
