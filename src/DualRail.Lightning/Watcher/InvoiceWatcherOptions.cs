namespace DualRail.Lightning.Watcher;

/// <summary>How the invoice watcher follows LND; bound from <c>DualRail:Lightning:Watcher</c>.</summary>
public sealed class InvoiceWatcherOptions
{
    /// <summary>Invoices per ListInvoices page while catching up.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Longest a catch-up may take before it counts as a failure and is retried.</summary>
    public TimeSpan CatchUpTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
