using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DualRail.LoadBench.Report;

/// <summary>Writes load.md (tables and ratios for RESULTS.md), load.json and chart.dat (for gnuplot).</summary>
internal static class ResultsWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task WriteAsync(string directory, IReadOnlyList<PhaseResult> phases, IReadOnlyList<SettlementResult> settlements)
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "load.json"),
            JsonSerializer.Serialize(new { phases, settlements }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));

        var md = new StringBuilder();
        md.AppendLine("| phase | expected status/s | p50 ms | p99 ms | requests | expected | other | load avg before → after | check |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var p in phases)
        {
            md.AppendLine(Inv, $"| {p.Title} | {p.Wrk.OkPerSecond:F0} | {p.Wrk.P50Us / 1000.0:F2} | {p.Wrk.P99Us / 1000.0:F2} | {p.Wrk.Requests} | {p.Wrk.Ok} | {p.Wrk.Other} | {p.LoadBefore} → {p.LoadAfter} | {(p.CheckPassed ? "pass" : "**FAIL**")}: {p.Check}{(p.Wrk.Unexpected.Length > 0 ? $"; unexpected answers: {p.Wrk.Unexpected}" : "")} |");
        }

        md.AppendLine();
        md.AppendLine("| ratio | value | target (issue 7) |");
        md.AppendLine("|---|---:|---|");
        AppendRatio(md, phases, "paid-ln", "ungated", "(b)/(a) Lightning-paid / ungated", "≥ 0.8");
        AppendRatio(md, phases, "paid-evm-async", "ungated", "(c)/(a) EVM Async / ungated", "≥ 0.3");
        AppendRatio(md, phases, "paid-evm-async", "paid-reference", "(c)/(e) EVM Async / reference", "≥ 10");
        AppendRatio(md, phases, "paid-evm-sync", "paid-reference", "(d)/(e) EVM Sync / reference", "—");

        md.AppendLine();
        md.AppendLine("| settlement worker + our facilitator draining a queued backlog | authorizations | seconds | settled/s | Anvil mining | load avg before → after | check |");
        md.AppendLine("|---|---:|---:|---:|---|---|---|");
        foreach (var s in settlements)
            md.AppendLine(Inv, $"| {s.Mode} | {s.Count} | {s.Seconds:F2} | {s.PerSecond:F1} | {s.Mining} | {s.LoadBefore} → {s.LoadAfter} | {(s.CheckPassed ? "pass" : "**FAIL**")}: {s.Check} |");
        md.AppendLine();
        AppendTargets(md, phases, settlements);
        await File.WriteAllTextAsync(Path.Combine(directory, "load.md"), md.ToString());

        var dat = new StringBuilder("# label ok_per_second p50_ms p99_ms\n");
        foreach (var p in phases)
            dat.AppendLine(Inv, $"\"{p.Key}\" {p.Wrk.OkPerSecond:F1} {p.Wrk.P50Us / 1000.0:F3} {p.Wrk.P99Us / 1000.0:F3}");
        await File.WriteAllTextAsync(Path.Combine(directory, "chart.dat"), dat.ToString());
    }

    private static void AppendTargets(StringBuilder md, IReadOnlyList<PhaseResult> phases, IReadOnlyList<SettlementResult> settlements)
    {
        double? Rate(string key) => phases.FirstOrDefault(p => p.Key == key)?.Wrk.OkPerSecond;
        double? Ratio(string a, string b) => Rate(a) is { } x && Rate(b) is { } y && y > 0 ? x / y : null;
        md.AppendLine("| target (issue 7) | goal | measured | verdict |");
        md.AppendLine("|---|---:|---:|---|");
        Target(md, "(b)/(a)", 0.8, Ratio("paid-ln", "ungated"), higherIsBetter: true, "G3");
        Target(md, "(c)/(a)", 0.3, Ratio("paid-evm-async", "ungated"), higherIsBetter: true, "G3");
        Target(md, "(c)/(e)", 10, Ratio("paid-evm-async", "paid-reference"), higherIsBetter: true, "G3");
        Target(md, "settled per second, backlog", 500, settlements.FirstOrDefault(s => s.InFlight > 1)?.PerSecond, higherIsBetter: true, "F1");
        Target(md, "Lightning challenge p50 (ms)", 2, phases.FirstOrDefault(p => p.Key == "challenge-ln")?.Wrk.P50Us / 1000.0, higherIsBetter: false, "F2");
    }

    private static void Target(StringBuilder md, string name, double goal, double? measured, bool higherIsBetter, string format)
    {
        if (measured is not { } m)
        {
            md.AppendLine(Inv, $"| {name} | {goal} | n/a | not measured |");
            return;
        }
        var met = higherIsBetter ? m >= goal : m <= goal;
        var factor = higherIsBetter ? goal / Math.Max(m, double.Epsilon) : m / goal;
        var verdict = met ? "met" : $"missed, by a factor of {factor.ToString("G3", Inv)}";
        md.AppendLine(Inv, $"| {name} | {(higherIsBetter ? "≥" : "≤")} {goal} | {m.ToString(format, Inv)} | {verdict} |");
    }

    private static void AppendRatio(StringBuilder md, IReadOnlyList<PhaseResult> phases, string top, string bottom, string label, string target)
    {
        var a = phases.FirstOrDefault(p => p.Key == top);
        var b = phases.FirstOrDefault(p => p.Key == bottom);
        var value = a is null || b is null || b.Wrk.OkPerSecond == 0 ? "n/a" : (a.Wrk.OkPerSecond / b.Wrk.OkPerSecond).ToString("G3", Inv);
        md.AppendLine(Inv, $"| {label} | {value} | {target} |");
    }
}
