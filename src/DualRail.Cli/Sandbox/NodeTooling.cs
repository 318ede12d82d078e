namespace DualRail.Cli.Sandbox;

/// <summary>
/// Makes sure Anvil (npm <c>@foundry-rs/anvil-linux-amd64</c>, pinned in package-lock.json) is installed:
/// on a fresh checkout it runs <c>npm ci</c>, installing Node.js first with apt-get when it is missing and
/// we are root on Debian.
/// </summary>
internal static class NodeTooling
{
    public static async Task EnsureAnvilAsync(RepoLayout repo, Action<string> progress, CancellationToken cancellationToken)
    {
        if (File.Exists(repo.AnvilBinary))
            return;
        if (!OnPath("npm"))
        {
            if (!OnPath("apt-get") || !Environment.IsPrivilegedProcess)
                throw new InvalidOperationException("Node.js 20+ with npm is needed for Anvil: install it (e.g. `apt-get install nodejs npm`) and run again.");
            progress("Installing Node.js (apt-get install nodejs npm)");
            await SandboxProcess.RunAsync("apt-get", ["update", "-qq"], repo.Root, cancellationToken);
            await SandboxProcess.RunAsync("apt-get", ["install", "-y", "-qq", "nodejs", "npm"], repo.Root, cancellationToken);
        }
        progress("Installing the pinned Node tooling (npm ci)");
        await SandboxProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], repo.Root, cancellationToken);
        if (!File.Exists(repo.AnvilBinary))
            throw new InvalidOperationException($"npm ci finished but {repo.AnvilBinary} is missing.");
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, command)));
}
