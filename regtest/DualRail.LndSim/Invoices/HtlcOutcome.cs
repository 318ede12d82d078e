namespace DualRail.LndSim.Invoices;

/// <summary>What a payee's registry did with an incoming payment.</summary>
internal enum HtlcOutcome
{
    /// <summary>Settled at once; the preimage is revealed.</summary>
    Settled,

    /// <summary>A hold invoice accepted the HTLC; it waits for SettleInvoice or CancelInvoice.</summary>
    Held,

    /// <summary>Unknown hash, wrong payment address or amount, expired, already settled or canceled: incorrect_or_unknown_payment_details.</summary>
    Rejected,
}
