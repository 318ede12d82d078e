namespace DualRail.TestSupport;

/// <summary>The repository root: the nearest folder above the test binaries that holds DualRail.sln.</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DualRail.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException(
            $"No DualRail.sln found above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
