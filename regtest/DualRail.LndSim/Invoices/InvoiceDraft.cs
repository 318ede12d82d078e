namespace DualRail.LndSim.Invoices;

/// <summary>A validated request for a new invoice (from AddInvoice or AddHoldInvoice).</summary>
internal sealed record InvoiceDraft(
    string Memo,
    byte[] Hash,
    byte[]? Preimage,
    long ValueMsat,
    byte[] DescriptionHash,
    long Expiry,
    ulong CltvExpiry,
    string FallbackAddr,
    bool Private,
    bool IsHold);
