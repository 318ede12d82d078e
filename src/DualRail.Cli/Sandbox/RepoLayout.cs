namespace DualRail.Cli.Sandbox;

/// <summary>The DualRail checkout the sandbox runs from (it needs node_modules and the token artifact).</summary>
internal sealed class RepoLayout(string root)
{
    public string Root { get; } = root;

    public string AnvilBinary => Path.Combine(Root, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    public string TokenArtifact => Path.Combine(Root, "regtest", "contracts", "out", "DualRailToken.json");

    /// <summary>The nearest folder holding DualRail.sln above the working directory, else above this program.</summary>
    public static RepoLayout Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DualRail.sln")))
                    return new RepoLayout(dir.FullName);
            }
        }
        throw new InvalidOperationException("The sandbox runs from a DualRail checkout: no DualRail.sln found above the working directory.");
    }
}
