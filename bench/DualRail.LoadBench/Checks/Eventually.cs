using System.Diagnostics;

namespace DualRail.LoadBench.Checks;

/// <summary>Polls a condition; returns how long it took to hold, or null if it never did within the limit.</summary>
internal static class Eventually
{
    public static async Task<TimeSpan?> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await condition())
                return watch.Elapsed;
            await Task.Delay(100);
        }
        return null;
    }
}
