namespace DualRail.TestSupport;

/// <summary>
/// The Node tooling pinned by package-lock.json (Anvil, solc, the x402 reference packages).
/// scripts/test.sh runs <c>npm ci</c>; a developer running <c>dotnet test</c> directly gets a clear
/// message instead of a confusing failure.
/// </summary>
public static class NodeTooling
{
    public static string NodeModules => RepoRoot.Combine("node_modules");

    public static string AnvilBinary => RepoRoot.Combine("node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    /// <summary>Returns the path of a file under node_modules, or throws with how to install it.</summary>
    public static string Require(params string[] relativePath)
    {
        var path = System.IO.Path.Combine([NodeModules, .. relativePath]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is missing: the Node tooling is not installed. Run `npm ci` in {RepoRoot.Path} " +
                "(scripts/test.sh does this before running the tests).");
        }

        return path;
    }

    public static string RequireAnvil() => Require("@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    /// <summary>The node executable: $NODE if set, else "node" from PATH.</summary>
    public static string Node => Environment.GetEnvironmentVariable("NODE") is { Length: > 0 } node ? node : "node";
}
