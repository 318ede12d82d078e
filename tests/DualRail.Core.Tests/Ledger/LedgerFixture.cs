using DualRail.Ledger;
using DualRail.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DualRail.Core.Tests.Ledger;

/// <summary>A temporary SQLite ledger file, opened as many times as a test needs (a restart is a new instance).</summary>
internal sealed class LedgerFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dualrail-ledger-").FullName;
    private readonly List<SqlitePaymentLedger> _opened = [];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    public string Path => System.IO.Path.Combine(_directory, "ledger.db");

    public SqlitePaymentLedger Open(SettlementSignal? signal = null, TimeSpan? reservationTimeout = null,
        LedgerSynchronousMode synchronous = LedgerSynchronousMode.Full)
    {
        var options = new LedgerOptions { Path = Path, Synchronous = synchronous };
        if (reservationTimeout is { } timeout)
            options.ReservationTimeout = timeout;
        var ledger = new SqlitePaymentLedger(Options.Create(options), Time, signal);
        _opened.Add(ledger);
        return ledger;
    }

    public static SettlementRequest Request(string key, string rail = "fake") => new()
    {
        SingleUseKey = key,
        Rail = rail,
        ResourceKey = "GET /api/demo",
        Payload = new PaymentPayload
        {
            X402Version = 2,
            Accepted = Requirements(),
            Payload = new() { ["proof"] = key },
        },
        Requirements = Requirements(),
    };

    public static PaymentRequirements Requirements() => new()
    {
        Scheme = "exact",
        Network = "test:fake",
        Amount = "10000",
        Asset = "FAKE",
        PayTo = "merchant",
        MaxTimeoutSeconds = 60,
    };

    public void Dispose()
    {
        foreach (var ledger in _opened)
            ledger.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a pooled handle may still be closing; the temp directory is cleaned by the OS
        }
    }
}
