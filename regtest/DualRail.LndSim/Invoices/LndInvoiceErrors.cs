namespace DualRail.LndSim.Invoices;

/// <summary>The messages LND's invoice registry answers with (invoices/errors.go and rpcserver.go).</summary>
internal static class LndInvoiceErrors
{
    public const string NotFound = "unable to locate invoice";
    public const string Duplicate = "invoice with payment hash already exists";
    public const string AlreadySettled = "invoice already settled";
    public const string AlreadyCanceled = "invoice already canceled";
    public const string StillOpen = "invoice still open";
    public const string AlreadyPaid = "invoice is already paid";
    public const string PaymentInFlight = "payment is in transition";
    public const string PaymentNotInitiated = "payment isn't initiated";
    public const string WrongNetwork = "invoice not for current active network 'regtest'";
}
