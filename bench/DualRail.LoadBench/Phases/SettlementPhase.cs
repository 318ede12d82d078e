using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using DualRail.DependencyInjection;
using DualRail.Evm;
using DualRail.Evm.Facilitators;
using DualRail.Evm.Rail;
using DualRail.Ledger;
using DualRail.LoadBench.Checks;
using DualRail.LoadBench.Load;
using DualRail.LoadBench.Proofs;
using DualRail.LoadBench.Report;
using DualRail.LoadBench.Stacks;
using DualRail.Protocol;
using DualRail.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DualRail.LoadBench.Phases;

/// <summary>
/// The settlement worker and our facilitator draining a backlog: a fresh Anvil, our facilitator, and a
/// server-side ledger holding <c>count</c> pending settlements (unique pre-signed authorizations,
/// queued as the middleware queues an Async payment). Then the worker starts (EVM rail pointed at our
/// facilitator, <c>MaxConcurrency</c> = <c>inFlight</c>; 1 is one at a time) and the clock runs until no row is
/// pending. Checked: every receipt settled and none failed, the payee balance grew by exactly
/// count × price (none lost), and the relayer sent exactly count transactions (none twice).
/// </summary>
internal static class SettlementPhase
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task<SettlementResult> RunAsync(PhaseContext context, int count, int inFlight)
    {
        await using var chain = await BenchChain.StartAsync();
        await using var facilitator = await OurFacilitator.StartAsync(chain.Anvil, BenchChain.Relayer, context.WorkDirectory);
        PaymentRequirements accepted;
        await using (var server = await BenchServer.StartAsync(context.WorkDirectory, new EvmRailSettings(chain.Anvil.Network, BenchChain.Merchant.Address, facilitator.Url)))
        {
            using var probe = new HttpClient();
            accepted = (await Challenge.FetchAsync(probe, server.Url + BenchServer.EvmAsyncPath)).Accepts.Single(a => a.Network.StartsWith("eip155:", StringComparison.Ordinal));
        }

        var ledgerPath = Path.Combine(context.WorkDirectory, $"settle-ledger-{Guid.NewGuid():N}.db");
        await using var services = ServerServices(ledgerPath, chain, facilitator, inFlight);
        await QueueBacklogAsync(services.GetRequiredService<IPaymentLedger>(), accepted, count);
        // The rail learns from /supported that the facilitator serves the chain before the clock starts.
        await services.GetRequiredService<IFacilitatorClient>().GetSupportedAsync(CancellationToken.None);
        var worker = services.GetServices<IHostedService>().OfType<SettlementWorker>().Single();

        var ledger = new LedgerProbe(ledgerPath);
        var balanceBefore = await chain.BalanceAsync(BenchChain.Merchant.Address);
        var relayerNonceBefore = await RelayerNonceAsync(chain);
        var loadBefore = LoadAverage.Now();
        var watch = Stopwatch.StartNew();
        await worker.StartAsync(CancellationToken.None);
        while (ledger.Receipts("pending") > 0 && watch.Elapsed < Limit)
            await Task.Delay(10);
        watch.Stop();
        var loadAfter = LoadAverage.Now();
        await worker.StopAsync(CancellationToken.None);

        var settled = (int)ledger.Receipts("settled");
        var failed = (int)ledger.Receipts("failed");
        var grown = await chain.BalanceAsync(BenchChain.Merchant.Address) - balanceBefore;
        var sent = await RelayerNonceAsync(chain) - relayerNonceBefore;
        var expected = count * new BigInteger(BenchServer.EvmAmount);
        var passed = settled == count && failed == 0 && grown == expected && sent == count;
        var mode = inFlight == 1 ? "one at a time (MaxConcurrency 1)" : $"backlog (MaxConcurrency {inFlight})";
        var check = $"receipts settled {settled}/{count}, failed {failed}; payee balance grew {grown} = {(grown == expected ? "exactly" : "NOT")} {count} × {BenchServer.EvmAmount}; "
            + $"relayer sent {sent} transactions{(sent == count ? " (one per authorization)" : $", NOT {count}")}";
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  settlement {mode}: {settled / seconds:F1}/s ({settled} in {seconds:F2} s); check {(passed ? "ok" : "FAILED")}: {check}"));
        return new SettlementResult(mode, count, inFlight, seconds, settled, passed, check, loadBefore, loadAfter, BenchChain.MiningMode);
    }

    /// <summary>The server side without the HTTP part: the ledger, the EVM rail and the worker (started by hand).</summary>
    private static ServiceProvider ServerServices(string ledgerPath, BenchChain chain, OurFacilitator facilitator, int maxConcurrency)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DualRail:Ledger:Path"] = ledgerPath,
            ["DualRail:Settlement:MaxConcurrency"] = maxConcurrency.ToString(CultureInfo.InvariantCulture),
            ["DualRail:Settlement:PollInterval"] = "00:00:00.200",
            ["DualRail:Settlement:InitialBackoff"] = "00:00:00.200",
            ["DualRail:Settlement:MaxAttempts"] = "20",
            ["DualRail:Evm:Network"] = chain.Anvil.Network,
            ["DualRail:Evm:PayTo"] = BenchChain.Merchant.Address,
            ["DualRail:Evm:Facilitators:0:Url"] = facilitator.Url,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDualRailCore(configuration).AddEvmRail();
        return services.BuildServiceProvider();
    }

    /// <summary>One row per authorization, as the middleware queues a served Async payment.</summary>
    private static async Task QueueBacklogAsync(IPaymentLedger ledger, PaymentRequirements accepted, int count)
    {
        var chainId = long.Parse(accepted.Network["eip155:".Length..], CultureInfo.InvariantCulture);
        var asset = EvmAddress.Parse(accepted.Asset).ToLowerHex();
        var payloads = EvmAuthorizations.Payloads(accepted, BenchChain.Payer, count);
        await Parallel.ForEachAsync(payloads, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (payload, token) =>
        {
            var authorization = payload.Payload["authorization"]!;
            var from = EvmAddress.Parse((string)authorization["from"]!);
            await ledger.EnqueueSettlementAsync(new SettlementRequest
            {
                SingleUseKey = string.Create(CultureInfo.InvariantCulture, $"evm:{chainId}:{asset}:{from.ToLowerHex()}:{(string)authorization["nonce"]!}"),
                Rail = "evm",
                ResourceKey = "GET " + BenchServer.EvmAsyncPath,
                Payload = payload,
                Requirements = accepted,
                Payer = from.ToString(),
            }, token);
        });
    }

    private static async Task<BigInteger> RelayerNonceAsync(BenchChain chain) =>
        AnvilRpc.ParseQuantity((await chain.Anvil.Rpc.CallAsync("eth_getTransactionCount", BenchChain.Relayer.Address, "latest")).GetString()!);
}
