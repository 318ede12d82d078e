using System.Globalization;
using DualRail.LoadBench.Load;
using DualRail.LoadBench.Phases;
using DualRail.LoadBench.Report;

// Usage: DualRail.LoadBench --out DIR [--duration 10] [--threads 2] [--connections 16]
//        [--ln-proofs 40000] [--evm-proofs 6000] [--ref-proofs 1500] [--settle 300] [--settle-sequential 60]
// Run from the repository root (wrk is given bench/load/paid.lua). bench/run.sh is the one command.
var options = ParseOptions(args);
var output = Path.GetFullPath(options.GetValueOrDefault("out", "bench/results"));
var raw = Path.Combine(output, "raw");
Directory.CreateDirectory(raw);
var work = Directory.CreateTempSubdirectory("dualrail-bench-").FullName;
var wrk = new WrkRunner(Path.GetFullPath("bench/load/paid.lua"), raw, Int("threads", 2), Int("connections", 16), TimeSpan.FromSeconds(Int("duration", 10)));
var context = new PhaseContext(wrk, work, Int("ln-proofs", 40000), Int("evm-proofs", 6000), Int("ref-proofs", 1500), Int("settle", 300), Int("settle-sequential", 60));

var phases = new List<PhaseResult>();
var settlements = new List<SettlementResult>();
var steps = new (string Name, Func<Task> Run)[]
{
    ("ungated", async () => phases.Add(await LoadPhases.UngatedAsync(context))),
    ("challenge-evm", async () => phases.Add(await LoadPhases.EvmChallengeAsync(context))),
    ("challenge-ln", async () => phases.Add(await LoadPhases.LightningChallengeAsync(context))),
    ("paid-ln", async () => phases.Add(await LoadPhases.LightningPaidAsync(context))),
    ("paid-evm-async", async () => phases.Add(await LoadPhases.EvmPaidAsync(context, sync: false))),
    ("paid-evm-sync", async () => phases.Add(await LoadPhases.EvmPaidAsync(context, sync: true))),
    ("paid-reference", async () => phases.Add(await LoadPhases.ReferenceAsync(context))),
    ("paid-reference-serial", async () => phases.Add(await LoadPhases.ReferenceAsync(context, connections: 1))),
    ("settle-backlog", async () => settlements.Add(await SettlementPhase.RunAsync(context, context.SettlementBacklog, inFlight: 32))),
    ("settle-sequential", async () => settlements.Add(await SettlementPhase.RunAsync(context, context.SettlementSequential, inFlight: 1))),
};
var only = options.GetValueOrDefault("only");
var failed = false;
foreach (var (name, run) in steps)
{
    if (only is not null && !only.Split(',').Contains(name))
        continue;
    Console.WriteLine($"phase {name} (load average {LoadAverage.Now()})");
    try
    {
        await run();
    }
    catch (Exception e)
    {
        failed = true;
        Console.Error.WriteLine($"phase {name} failed: {e}");
    }
}

await ResultsWriter.WriteAsync(output, phases, settlements);
try
{
    Directory.Delete(work, recursive: true);
}
catch (IOException)
{
    // a SQLite file still closing; the OS cleans the temp directory
}
return failed || phases.Any(p => !p.CheckPassed) || settlements.Any(s => !s.CheckPassed) ? 1 : 0;

int Int(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static Dictionary<string, string> ParseOptions(string[] args)
{
    var parsed = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2)
        parsed[args[i].TrimStart('-')] = args[i + 1];
    return parsed;
}
