using System.Numerics;
using DualRail.LoadBench.Checks;
using DualRail.LoadBench.Load;
using DualRail.LoadBench.Proofs;
using DualRail.LoadBench.Report;
using DualRail.LoadBench.Stacks;
using DualRail.Rails;

namespace DualRail.LoadBench.Phases;

/// <summary>
/// The wrk phases. Each starts its own fresh processes (<see cref="BenchStack"/>: a fresh chain, a fresh
/// ledger) and checks what was settled. (a)–(d) run the same server configuration, both rails on
/// <c>GET /api/demo</c>; (d) differs only in <c>DualRail:Demo:Settlement=Sync</c>. Each 402-challenge
/// phase sells on its one rail, so it measures that rail's terms alone.
/// </summary>
internal static class LoadPhases
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(3);

    public static async Task<PhaseResult> UngatedAsync(PhaseContext context)
    {
        await using var stack = await BenchStack.StartAsync(context.WorkDirectory, evm: true, lightning: true);
        return await MeasureAsync(context, "ungated", "(a) ungated endpoint", stack.Server.Url + BenchServer.FreePath, null, 200,
            _ => Task.FromResult((true, "no payment involved")));
    }

    public static async Task<PhaseResult> EvmChallengeAsync(PhaseContext context)
    {
        await using var stack = await BenchStack.StartAsync(context.WorkDirectory, evm: true, lightning: false);
        return await MeasureAsync(context, "challenge-evm", "402 challenge, EVM (static terms)", stack.Server.Url + BenchServer.PaidPath, null, 402,
            _ => Task.FromResult((true, "402s only")));
    }

    public static async Task<PhaseResult> LightningChallengeAsync(PhaseContext context)
    {
        await using var stack = await BenchStack.StartAsync(context.WorkDirectory, evm: false, lightning: true);
        return await MeasureAsync(context, "challenge-ln", "402 challenge, Lightning (one invoice minted each)", stack.Server.Url + BenchServer.PaidPath, null, 402,
            _ => Task.FromResult((true, "402s only")));
    }

    public static async Task<PhaseResult> LightningPaidAsync(PhaseContext context)
    {
        await using var stack = await BenchStack.StartAsync(context.WorkDirectory, evm: true, lightning: true);
        var server = stack.Server;
        Console.WriteLine($"  minting and paying {context.LightningProofs} invoices...");
        var headers = await LightningProofs.MintAndPayAsync(server.Url, BenchServer.PaidPath, stack.RequireNodes(), context.LightningProofs);
        var ledger = new LedgerProbe(server.LedgerPath);
        return await MeasureAsync(context, "paid-ln", "(b) Lightning-paid, pre-paid unique preimages", server.Url + BenchServer.PaidPath, headers, 200, async wrk =>
        {
            var settledAt = await Eventually.WithinAsync(DrainLimit, () => Task.FromResult(ledger.Receipts("pending") == 0));
            var served = ledger.Served();
            var settled = ledger.Receipts("settled");
            var invoiceSettled = ledger.ServedWithSettledInvoice();
            var passed = settledAt is not null && settled == served && invoiceSettled == served && wrk.Ok <= served && ledger.Receipts("failed") == 0;
            return (passed, $"served (ledger) {served}, wrk 200s {wrk.Ok}, receipts settled {settled}, served with an LND-settled invoice {invoiceSettled}, failed {ledger.Receipts("failed")}");
        });
    }

    public static async Task<PhaseResult> EvmPaidAsync(PhaseContext context, bool sync)
    {
        await using var stack = await BenchStack.StartAsync(context.WorkDirectory, evm: true, lightning: true, sync ? SettlementMode.Sync : SettlementMode.Async);
        var server = stack.Server;
        var chain = stack.RequireChain();
        using var http = new HttpClient();
        var required = await Challenge.FetchAsync(http, server.Url + BenchServer.PaidPath);
        var accepted = required.Accepts.Single(a => a.Network.StartsWith("eip155:", StringComparison.Ordinal));
        var headers = EvmAuthorizations.Headers(accepted, BenchChain.Payer, context.EvmProofs);
        var before = await chain.BalanceAsync(BenchChain.Merchant.Address);
        var ledger = new LedgerProbe(server.LedgerPath);
        var key = sync ? "paid-evm-sync" : "paid-evm-async";
        var title = sync ? "(d) EVM-paid, Sync settlement (our facilitator)" : "(c) EVM-paid, Async settlement (our facilitator)";
        return await MeasureAsync(context, key, title, server.Url + BenchServer.PaidPath, headers, 200, async wrk =>
        {
            var amount = new BigInteger(BenchServer.EvmAmount);
            // Requests in flight when wrk stopped still finish on the server: wait until the ledger and the chain agree and are quiet.
            var drained = await Eventually.WithinAsync(DrainLimit, async () =>
                ledger.Receipts("pending") == 0
                && ledger.Receipts("settled") == ledger.Served()
                && await chain.BalanceAsync(BenchChain.Merchant.Address) - before == ledger.Served() * amount);
            var served = ledger.Served();
            var grown = await chain.BalanceAsync(BenchChain.Merchant.Address) - before;
            var expected = served * amount;
            var passed = drained is not null && grown == expected && ledger.Receipts("settled") == served && wrk.Ok <= served;
            var drain = drained is null ? "did not settle within the limit" : $"all settled {drained.Value.TotalSeconds:F1} s after the load ended";
            return (passed, $"served (ledger) {served}, wrk 200s {wrk.Ok}, payee balance grew {grown} = {(grown == expected ? "exactly" : "NOT")} served × {BenchServer.EvmAmount}, receipts settled {ledger.Receipts("settled")}, failed {ledger.Receipts("failed")}; {drain}");
        });
    }

    public static async Task<PhaseResult> ReferenceAsync(PhaseContext context, int? connections = null)
    {
        await using var chain = await BenchChain.StartAsync();
        var scripts = TestSupport.RepoRoot.Combine("tests", "interop");
        await using var facilitator = await NodeService.StartAsync(Path.Combine(scripts, "facilitator.mjs"), ["--rpc", chain.Anvil.RpcUrl, "--port", "0"],
            new Dictionary<string, string?> { ["RELAYER_PRIVATE_KEY"] = BenchChain.Relayer.PrivateKey });
        await using var server = await NodeService.StartAsync(Path.Combine(scripts, "server.mjs"),
            ["--facilitator", facilitator.Url, "--pay-to", BenchChain.Merchant.Address, "--price", "$0.01", "--port", "0"]);
        var resource = server.Ready["resource"]!.GetValue<string>();
        using var http = new HttpClient();
        var accepted = (await Challenge.FetchAsync(http, resource)).Accepts.Single();
        var headers = EvmAuthorizations.Headers(accepted, BenchChain.Payer, context.ReferenceProofs);
        var before = await chain.BalanceAsync(BenchChain.Merchant.Address);
        var inFlight = connections ?? context.Wrk.Connections;
        var key = connections == 1 ? "paid-reference-serial" : "paid-reference";
        var title = connections == 1 ? "(e1) reference, one request at a time" : "(e) reference @x402/express + reference facilitator";
        return await MeasureAsync(context, key, title, resource, headers, 200, async wrk =>
        {
            // The reference settles before it answers; requests still in flight when wrk stopped may settle afterwards.
            var amount = new BigInteger(BenchServer.EvmAmount);
            BigInteger grown = 0;
            await Eventually.WithinAsync(TimeSpan.FromSeconds(60), async () =>
            {
                var now = await chain.BalanceAsync(BenchChain.Merchant.Address) - before;
                var quiet = now == grown;
                grown = now;
                await Task.Delay(2000);
                return quiet && now >= wrk.Ok * amount;
            });
            var settled = grown / amount;
            var unanswered = settled - wrk.Ok;
            var passed = grown % amount == 0 && unanswered >= 0 && unanswered <= inFlight;
            return (passed, $"wrk 200s {wrk.Ok}, other {wrk.Other}, payee balance grew {grown} = {settled} payments settled on chain ({unanswered} settled for requests wrk stopped waiting for, at most {inFlight} in flight)");
        }, connections);
    }

    private static async Task<PhaseResult> MeasureAsync(PhaseContext context, string key, string title, string url, IReadOnlyList<string>? headers, int expect,
        Func<WrkResult, Task<(bool Passed, string Check)>> check, int? connections = null)
    {
        Console.WriteLine($"  wrk {key} ({headers?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} proofs)...");
        var loadBefore = LoadAverage.Now();
        var wrk = await context.Wrk.RunAsync(key, url, headers, expect, connections);
        var loadAfter = LoadAverage.Now();
        var (passed, text) = await check(wrk);
        Console.WriteLine($"  {key}: {wrk.OkPerSecond:F0}/s p50 {wrk.P50Us / 1000.0:F2} ms p99 {wrk.P99Us / 1000.0:F2} ms; check {(passed ? "ok" : "FAILED")}: {text}");
        return new PhaseResult(key, title, context.Wrk.CommandFor(url, connections), wrk, loadBefore, loadAfter, passed, text);
    }
}
