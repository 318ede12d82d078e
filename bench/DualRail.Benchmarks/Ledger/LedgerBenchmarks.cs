using BenchmarkDotNet.Attributes;
using DualRail.Ledger;
using DualRail.Protocol;
using Microsoft.Extensions.Options;

namespace DualRail.Benchmarks.Ledger;

/// <summary>
/// The SQLite ledger (a file in the temp directory, WAL, synchronous=FULL): a paid request's writes,
/// one at a time and with <see cref="Parallel"/> requests in flight (what a loaded server does).
/// The parallel cases report the time per request (OperationsPerInvoke).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class LedgerBenchmarks : IDisposable
{
    private const int Parallel = 16;

    private static readonly PaymentRequirements Requirements = new()
    {
        Scheme = "exact",
        Network = "eip155:84532",
        Amount = "10000",
        Asset = "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
        PayTo = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C",
        MaxTimeoutSeconds = 60,
    };

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
        var key = NextKey();
        var reserved = await ledger.TryReserveAsync(key, "GET /api/evm", CancellationToken.None);
        await ledger.ReleaseAsync(key, CancellationToken.None);
        return reserved;
    }

    /// <summary>An Async-settled paid request: reserve its payment, then queue its settlement.</summary>
    [Benchmark]
    public Task<bool> ReserveAndEnqueue() => ReserveAndEnqueueOnce();

    [Benchmark(OperationsPerInvoke = Parallel)]
    public async Task<bool> ReserveAndRelease16Parallel()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(ReserveAndRelease)));
        return results.All(reserved => reserved);
    }

    [Benchmark(OperationsPerInvoke = Parallel)]
    public async Task<bool> ReserveAndEnqueue16Parallel()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(ReserveAndEnqueueOnce)));
        return results.All(reserved => reserved);
    }

    private async Task<bool> ReserveAndEnqueueOnce()
    {
        var key = NextKey();
        var reserved = await ledger.TryReserveAsync(key, "GET /api/evm", CancellationToken.None);
        await ledger.EnqueueSettlementAsync(new SettlementRequest
        {
            SingleUseKey = key,
            Rail = "evm",
            ResourceKey = "GET /api/evm",
            Payload = new PaymentPayload { X402Version = 2, Accepted = Requirements, Payload = new() { ["nonce"] = key } },
            Requirements = Requirements,
        }, CancellationToken.None);
        return reserved;
    }

    private string NextKey() => "evm:bench:" + Interlocked.Increment(ref next);

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
