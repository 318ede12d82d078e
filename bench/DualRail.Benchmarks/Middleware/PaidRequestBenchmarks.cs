using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using DualRail.AspNetCore;
using DualRail.Ledger;
using DualRail.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DualRail.Benchmarks.Middleware;

/// <summary>
/// One paid request through the real DualRail pipeline, in process (no sockets): decode the header,
/// match, verify (a free fake rail), reserve in the SQLite ledger (a file in the temp directory), run
/// the handler buffered, enqueue (Async) / settle and record (Sync) / record a final payment, and
/// write PAYMENT-RESPONSE. What it measures is the middleware and the ledger, nothing of a real rail;
/// with <see cref="Ledger"/> = memory, the middleware alone.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class PaidRequestBenchmarks : IDisposable
{
    private static readonly byte[] Content = "paid content"u8.ToArray();

    private ServiceProvider _services = null!;
    private RequestDelegate _pipeline = null!;
    private string _directory = "";
    private string _header = "";
    private string _finalHeader = "";

    [Params("sqlite", "memory")]
    public string Ledger { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("dualrail-middleware-bench-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DualRail:Ledger:Path"] = Path.Combine(_directory, "ledger.db"),
            ["DualRail:Routes:GET /paid/async"] = "$0.01",
            ["DualRail:Routes:GET /paid/sync:Price"] = "$0.01",
            ["DualRail:Routes:GET /paid/sync:Settlement"] = "Sync",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        if (Ledger == "memory")
            services.AddSingleton<IPaymentLedger, MemoryLedger>();
        services.AddDualRail(configuration).AddRail(new BenchRail());
        _services = services.BuildServiceProvider();

        var app = new ApplicationBuilder(_services);
        app.UseDualRail();
        app.Run(context => context.Response.Body.WriteAsync(Content).AsTask());
        _pipeline = app.Build();

        _header = Header(final: false);
        _finalHeader = Header(final: true);
        // First request creates the database; not measured.
        Send("/paid/async", _header).GetAwaiter().GetResult();
    }

    /// <summary>Async settlement: reserve, handler, enqueue for the settlement worker.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> PaidAsync() => Send("/paid/async", _header);

    /// <summary>Sync settlement: reserve, handler, settle (free here), record the receipt.</summary>
    [Benchmark]
    public Task<int> PaidSync() => Send("/paid/sync", _header);

    /// <summary>Final at verification (a settled Lightning invoice): reserve, handler, record the receipt settled.</summary>
    [Benchmark]
    public Task<int> PaidFinal() => Send("/paid/async", _finalHeader);

    private async Task<int> Send(string path, string header)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        var request = context.Request;
        request.Method = HttpMethods.Get;
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1", 8080);
        request.Path = path;
        request.Headers[X402Headers.PaymentSignature] = header;
        context.Response.Body = Stream.Null;
        await _pipeline(context);
        if (context.Response.StatusCode != StatusCodes.Status200OK || !context.Response.Headers.ContainsKey(X402Headers.PaymentResponse))
            throw new InvalidOperationException($"The paid request was answered {context.Response.StatusCode}.");
        return context.Response.StatusCode;
    }

    /// <summary>A v2 payment shaped like an EIP-3009 authorization, so decoding costs what a real one does.</summary>
    private static string Header(bool final) => X402HeaderCodec.Encode(new PaymentPayload
    {
        X402Version = 2,
        Resource = new ResourceInfo { Url = "http://127.0.0.1:8080/paid/async", Description = "bench", MimeType = "text/plain" },
        Accepted = BenchRail.Requirement,
        Payload = new JsonObject
        {
            ["signature"] = "0x" + new string('a', 130),
            ["authorization"] = new JsonObject
            {
                ["from"] = "0x857b06519E91e3A54538791bDbb0E22373e36b66",
                ["to"] = BenchRail.Requirement.PayTo,
                ["value"] = "10000",
                ["validAfter"] = "0",
                ["validBefore"] = "9999999999",
                ["nonce"] = "0x" + new string('1', 64),
            },
            ["final"] = final,
        },
    });

    public void Dispose()
    {
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp directory
        }
    }
}
