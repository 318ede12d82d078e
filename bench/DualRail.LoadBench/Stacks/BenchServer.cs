using System.Text.RegularExpressions;
using DualRail.Rails;
using DualRail.TestSupport;

namespace DualRail.LoadBench.Stacks;

/// <summary>
/// The DualRail server as a user runs it: <c>dualrail serve --host 127.0.0.1 --port 0 --ledger FILE</c>,
/// configured through the environment as the README's Configuration section says, with its own demo
/// routes: <c>GET /api/free</c> (ungated) and <c>GET /api/demo</c> ($0.01, sold on every configured rail;
/// 10 sat on Lightning at UsdPerBtc 100000), whose settlement mode is <c>DualRail:Demo:Settlement</c>.
/// Console logging at Warning, so the console is not what the load measures.
/// </summary>
internal sealed partial class BenchServer : IAsyncDisposable
{
    public const string FreePath = "/api/free";
    public const string PaidPath = "/api/demo";

    /// <summary>The paid route (what the settlement phase asks for terms); Async unless started with Sync.</summary>
    public const string EvmAsyncPath = PaidPath;
    public const string Price = "$0.01";
    public const long EvmAmount = 10_000;
    public const long LightningSat = 10;

    private readonly ChildProcess _process;

    private BenchServer(ChildProcess process, string url, string ledgerPath)
    {
        _process = process;
        Url = url;
        LedgerPath = ledgerPath;
    }

    public string Url { get; }

    /// <summary>The server's SQLite ledger, read by the checks (read-only) while the server runs.</summary>
    public string LedgerPath { get; }

    public static async Task<BenchServer> StartAsync(string directory, EvmRailSettings? evm = null, LightningNodes? lightning = null, SettlementMode settlement = SettlementMode.Async)
    {
        var ledgerPath = Path.Combine(directory, $"ledger-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["DualRail__Demo__Price"] = Price,
            ["DualRail__Demo__Settlement"] = settlement.ToString(),
            ["DualRail__ExchangeRates__UsdPerBtc"] = "100000",
            ["DualRail__Settlement__PollInterval"] = "00:00:00.200",
            ["DualRail__Settlement__InitialBackoff"] = "00:00:00.200",
            ["DualRail__Settlement__MaxAttempts"] = "20",
        };
        if (evm is not null)
        {
            environment["DualRail__Evm__Network"] = evm.Network;
            environment["DualRail__Evm__PayTo"] = evm.PayTo;
            environment["DualRail__Evm__Facilitators__0__Url"] = evm.FacilitatorUrl;
        }
        if (lightning is not null)
        {
            environment["DualRail__Lightning__Network"] = "regtest";
            environment["DualRail__Lightning__Lnd__Endpoint"] = lightning.Merchant.Endpoint;
            environment["DualRail__Lightning__Lnd__TlsCertPath"] = lightning.Merchant.TlsCertPath;
            environment["DualRail__Lightning__Lnd__MacaroonPath"] = lightning.Merchant.InvoiceMacaroonPath;
        }

        var process = Executables.Start(Executables.DualRail, ["serve", "--host", "127.0.0.1", "--port", "0", "--ledger", ledgerPath], environment);
        try
        {
            var url = await ProcessOutput.WaitForAsync(process, "\"DualRail listening on\"", line => ListeningLine().Match(line) is { Success: true } m ? m.Groups[1].Value : null);
            var server = new BenchServer(process, url, ledgerPath);
            await server.WaitUntilSellingAsync(evm is not null, lightning is not null);
            return server;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilSellingAsync(bool evm, bool lightning)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var offered = "nothing";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"dualrail serve exited (code {_process.ExitCode}):\n{_process.Output}");
            var required = await Challenge.FetchAsync(http, PaidPath);
            var networks = required.Accepts.Select(a => a.Network).ToArray();
            offered = networks.Length == 0 ? "nothing" : string.Join(", ", networks);
            if ((!evm || networks.Any(n => n.StartsWith("eip155:", StringComparison.Ordinal)))
                && (!lightning || networks.Any(n => n.StartsWith("bip122:", StringComparison.Ordinal))))
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"dualrail serve never offered every configured rail on {PaidPath} (it offered {offered}):\n{_process.Output}");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"DualRail listening on (http://[^ ,]+)")]
    private static partial Regex ListeningLine();
}
