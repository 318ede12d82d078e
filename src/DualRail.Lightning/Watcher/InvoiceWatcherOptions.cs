namespace DualRail.Lightning.Watcher;

/// <summary>How the invoice watcher follows LND; bound from <c>DualRail:Lightning:Watcher</c>.</summary>
public sealed class InvoiceWatcherOptions
{
    /// <summary>Invoices per ListInvoices page while catching up.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Longest a catch-up may take before it counts as a failure and is retried.</summary>
    public TimeSpan CatchUpTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Longest the stored add_index may lag behind the invoices LND announced (it is also stored with every
    /// settlement). It only bounds the next catch-up's scan; settlements are never missed because of it.
    /// </summary>
    public TimeSpan AddIndexSaveInterval { get; set; } = TimeSpan.FromSeconds(10);
}
