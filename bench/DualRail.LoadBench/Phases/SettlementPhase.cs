using System.Diagnostics;
using System.Net.Http.Json;
using System.Numerics;
using System.Text;
using DualRail.LoadBench.Load;
using DualRail.LoadBench.Proofs;
using DualRail.LoadBench.Report;
using DualRail.LoadBench.Stacks;
using DualRail.Protocol;

namespace DualRail.LoadBench.Phases;

/// <summary>
/// Our facilitator settling a backlog of unique authorizations on a fresh Anvil: all at once (bounded
/// in-flight, as the settlement worker's batches do) against one at a time. Checked: every one
/// succeeded and the payee balance grew by exactly count × price (none lost, none twice).
/// </summary>
internal static class SettlementPhase
{
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

        var payloads = EvmAuthorizations.Payloads(accepted, BenchChain.Payer, count);
        var before = await chain.BalanceAsync(BenchChain.Merchant.Address);
        using var http = new HttpClient { BaseAddress = new Uri(facilitator.Url), Timeout = TimeSpan.FromMinutes(5) };
        var succeeded = 0;
        var loadBefore = LoadAverage.Now();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(payloads, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (payload, token) =>
        {
            var body = X402Json.Serialize(new FacilitatorRequest { PaymentPayload = payload, PaymentRequirements = accepted });
            using var response = await http.PostAsync("/settle", new StringContent(body, Encoding.UTF8, "application/json"), token);
            var settle = await response.Content.ReadFromJsonAsync<SettleResponse>(X402Json.Options, token);
            if (settle?.Success == true)
                Interlocked.Increment(ref succeeded);
        });
        watch.Stop();
        var loadAfter = LoadAverage.Now();
        var grown = await chain.BalanceAsync(BenchChain.Merchant.Address) - before;
        var expected = count * new BigInteger(BenchServer.EvmAmount);
        var passed = succeeded == count && grown == expected;
        var mode = inFlight == 1 ? "one at a time" : $"backlog, {inFlight} in flight";
        var check = $"{succeeded}/{count} answered success, payee balance grew {grown} = {(grown == expected ? "exactly" : "NOT")} {count} × {BenchServer.EvmAmount}";
        Console.WriteLine($"  settlement {mode}: {succeeded / watch.Elapsed.TotalSeconds:F1}/s; check {(passed ? "ok" : "FAILED")}: {check}");
        return new SettlementResult(mode, count, inFlight, watch.Elapsed.TotalSeconds, succeeded, passed, check, loadBefore, loadAfter);
    }
}
