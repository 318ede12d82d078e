using Microsoft.Extensions.Hosting;

namespace DualRail.Ledger;

/// <summary>Opens the SQLite ledger (creating its schema) while the host starts, so a bad path stops start-up.</summary>
internal sealed class LedgerStartupCheck(IPaymentLedger ledger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        ledger is SqlitePaymentLedger sqlite ? sqlite.InitializeAsync() : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
