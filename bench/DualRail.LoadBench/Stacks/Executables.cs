using DualRail.TestSupport;

namespace DualRail.LoadBench.Stacks;

/// <summary>
/// The programs a user runs, from the Release build bench/run.sh makes: the <c>dualrail</c> executable
/// (src/DualRail.Cli: <c>serve</c>, <c>facilitator</c>) and the LND simulator (regtest/DualRail.LndSim).
/// </summary>
internal static class Executables
{
    public static string DualRail => Built("src/DualRail.Cli/bin/Release/net10.0/dualrail.dll", "src/DualRail.Cli");

    public static string LndSimulator => Built("regtest/DualRail.LndSim/bin/Release/net10.0/DualRail.LndSim.dll", "regtest/DualRail.LndSim");

    /// <summary>Starts <c>dotnet DLL args</c> from the repository root with the given environment.</summary>
    public static ChildProcess Start(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = environment?.Select(e => $"{e.Key}={e.Value} ") ?? [];
        Console.WriteLine($"  $ {string.Concat(variables)}dotnet {Path.GetRelativePath(RepoRoot.Path, dll)} {string.Join(' ', arguments)}");
        return ChildProcess.Start("dotnet", [dll, .. arguments], RepoRoot.Path, environment);
    }

    private static string Built(string relative, string project)
    {
        var path = RepoRoot.Combine(relative.Split('/'));
        return File.Exists(path) ? path : throw new FileNotFoundException($"{relative} is missing: build it first (dotnet build {project} -c Release; bench/run.sh does).", path);
    }
}
