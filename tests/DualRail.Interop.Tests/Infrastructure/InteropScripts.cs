using DualRail.TestSupport;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>The committed Node scripts in tests/interop that wrap the reference x402 packages.</summary>
public static class InteropScripts
{
    public static string Facilitator => Path("facilitator.mjs");

    public static string Server => Path("server.mjs");

    public static string Client => Path("client.mjs");

    public static string InstallMulticall3 => Path("install-multicall3.mjs");

    private static readonly string[] RequiredPackages = ["@x402/core", "@x402/evm", "@x402/express", "@x402/fetch", "viem", "express"];

    /// <summary>Why the interop tests cannot run here, or null when everything is installed.</summary>
    public static string? MissingToolingReason()
    {
        string root;
        try
        {
            root = RepoRoot.Path;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }

        foreach (var package in RequiredPackages)
        {
            var path = System.IO.Path.Combine([root, "node_modules", .. package.Split('/'), "package.json"]);
            if (!File.Exists(path))
                return $"The reference x402 packages are not installed ({package} missing): run `npm ci` in {root}.";
        }

        if (!File.Exists(NodeTooling.AnvilBinary))
            return $"Anvil is not installed: run `npm ci` in {root}.";
        return null;
    }

    private static string Path(string script) => RepoRoot.Combine("tests", "interop", script);
}
