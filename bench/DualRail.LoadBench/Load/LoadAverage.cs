namespace DualRail.LoadBench.Load;

/// <summary>The machine's 1/5/15-minute load averages (/proc/loadavg), captured around each phase.</summary>
internal static class LoadAverage
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
