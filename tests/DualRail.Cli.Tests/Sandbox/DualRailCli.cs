using DualRail.TestSupport;

namespace DualRail.Cli.Tests.Sandbox;

/// <summary>Runs the built <c>dualrail</c> (dualrail.dll next to the tests) as a real process.</summary>
internal static class DualRailCli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "dualrail.dll");

    public static ChildProcess Start(params string[] arguments) =>
        ChildProcess.Start("dotnet", [Dll, .. arguments], workingDirectory: RepoRoot.Path);

    public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        ChildProcess.RunAsync("dotnet", [Dll, .. arguments], TimeSpan.FromMinutes(3), RepoRoot.Path);

    /// <summary>The process ids below <paramref name="pid"/> (children, grandchildren, ...), from /proc.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var id))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[id] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        var result = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (child, _) in parents.Where(p => p.Value == parent))
            {
                result.Add(child);
                frontier.Enqueue(child);
            }
        }
        return result;
    }

    public static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
}
