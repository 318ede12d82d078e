using BenchmarkDotNet.Attributes;
using DualRail.Ledger;
using Microsoft.Extensions.Options;

namespace DualRail.Benchmarks.Ledger;

/// <summary>The SQLite ledger's single-use reservation (a primary-key insert in WAL mode) and its release, on a file in the temp directory.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class LedgerBenchmarks : IDisposable
{
    private SqlitePaymentLedger ledger = null!;
    private string directory = "";
    private long next;

    [GlobalSetup]
    public void Setup()
    {
        directory = Directory.CreateTempSubdirectory("dualrail-ledger-bench-").FullName;
        ledger = new SqlitePaymentLedger(Options.Create(new LedgerOptions { Path = Path.Combine(directory, "ledger.db") }), TimeProvider.System);
        ledger.InitializeAsync().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<bool> ReserveAndRelease()
    {
        var key = "evm:bench:" + Interlocked.Increment(ref next);
        var reserved = await ledger.TryReserveAsync(key, "GET /api/evm", CancellationToken.None);
        await ledger.ReleaseAsync(key, CancellationToken.None);
        return reserved;
    }

    public void Dispose()
    {
        ledger?.Dispose();
        GC.SuppressFinalize(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp directory
        }
    }
}
