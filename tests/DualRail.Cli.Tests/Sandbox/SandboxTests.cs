using System.Text.Json.Nodes;
using DualRail.TestSupport;

namespace DualRail.Cli.Tests.Sandbox;

/// <summary>
/// `dualrail sandbox` as a user runs it: it starts, serves a paid request on each rail through
/// `dualrail pay --sandbox`, refuses over --max with exit code 2, and on SIGTERM stops with no process
/// left behind.
/// </summary>
public sealed class SandboxTests
{
    [Fact]
    public async Task Sandbox_serves_both_rails_through_pay_and_stops_cleanly_on_SIGTERM()
    {
        NodeTooling.RequireAnvil();
        var stateDir = Directory.CreateTempSubdirectory("dualrail-sandbox-");
        var statePath = Path.Combine(stateDir.FullName, "state.json");
        var port = FreePort.Get().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var sandbox = DualRailCli.Start("sandbox", "--port", port, "--state", statePath);

        await WaitForAsync(() => sandbox.Output.Contains("ready", StringComparison.Ordinal), sandbox, TimeSpan.FromMinutes(3));
        var state = JsonNode.Parse(await File.ReadAllTextAsync(statePath))!;
        Assert.Equal($"http://127.0.0.1:{port}", (string?)state["serverUrl"]);
        Assert.Equal(84532, (long)state["evm"]!["chainId"]!);
        Assert.Equal("0x036CbD53842c5426634e7929541eC2318f3dCF7e", (string?)state["evm"]!["token"]);
        Assert.True(File.Exists((string)state["lightning"]!["payer"]!["tlsCertPath"]!));
        var demo = $"http://127.0.0.1:{port}/api/demo";

        var evm = await DualRailCli.RunAsync("pay", "--sandbox", demo, "--rail", "evm", "--state", statePath);
        Assert.True(evm.ExitCode == 0, evm.Output);
        Assert.Contains("paid: evm", evm.Output);
        Assert.Contains("HTTP 200", evm.Output);
        Assert.Contains("receipt: {\"success\":true", evm.Output);

        var lightning = await DualRailCli.RunAsync("pay", "--sandbox", demo, "--rail", "lightning", "--state", statePath);
        Assert.True(lightning.ExitCode == 0, lightning.Output);
        Assert.Contains("paid: lightning", lightning.Output);
        Assert.Contains("HTTP 200", lightning.Output);

        var refused = await DualRailCli.RunAsync("pay", "--sandbox", demo, "--rail", "evm", "--max", "$0.001", "--state", statePath);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("refused", refused.Output);
        Assert.DoesNotContain("paid:", refused.Output);

        var free = await DualRailCli.RunAsync("pay", "--sandbox", $"http://127.0.0.1:{port}/api/free", "--state", statePath);
        Assert.Equal(0, free.ExitCode);
        Assert.DoesNotContain("paid:", free.Output);

        var children = DualRailCli.Descendants(sandbox.Id);
        Assert.NotEmpty(children); // Anvil at least
        var kill = await ChildProcess.RunAsync("kill", ["-TERM", sandbox.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(30));
        Assert.Equal(0, kill.ExitCode);
        await sandbox.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(0, sandbox.ExitCode);
        Assert.Contains("stopped", sandbox.Output);
        Assert.All(children, pid => Assert.False(DualRailCli.IsAlive(pid), $"process {pid} outlived the sandbox"));
        Assert.False(File.Exists(statePath));
    }

    [Fact]
    public async Task Pay_without_a_payer_or_state_fails_with_a_clear_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "state.json");

        var noState = await DualRailCli.RunAsync("pay", "--sandbox", "http://127.0.0.1:9/api/demo", "--state", missing);
        var badUrl = await DualRailCli.RunAsync("pay", "not a url");

        Assert.Equal(1, noState.ExitCode);
        Assert.Contains("dualrail sandbox", noState.Output);
        Assert.Equal(1, badUrl.ExitCode);
    }

    private static async Task WaitForAsync(Func<bool> condition, ChildProcess process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The sandbox exited {process.ExitCode}:{Environment.NewLine}{process.Output}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The sandbox was not ready in {timeout}:{Environment.NewLine}{process.Output}");
            await Task.Delay(200);
        }
    }
}
