using System.CommandLine;
using DualRail.Cli.Sandbox;
using Spectre.Console;

namespace DualRail.Cli.Commands;

/// <summary><c>dualrail sandbox</c>: the whole stack on this machine, no Docker.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The server's port on 127.0.0.1.", DefaultValueFactory = _ => 4020 };
        var state = new Option<string?>("--state") { Description = "Where to write the state file (default .sandbox/state.json)." };
        var command = new Command("sandbox",
            "Run a local x402 sandbox without Docker: Anvil (chain id 84532, the test token at Base Sepolia's USDC address), "
            + "the LND simulator (merchant and payer), the facilitator and a server with GET /api/free and GET /api/demo on both rails. "
            + "Ctrl+C stops it.")
        {
            port, state,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
            var runner = new SandboxRunner(result.InvocationConfiguration.Output, error, step => console.MarkupLineInterpolated($"[grey]sandbox:[/] {step}…"));
            return await runner.RunAsync(result.GetValue(port), result.GetValue(state) ?? SandboxState.DefaultPath, cancellationToken);
        });
        return command;
    }
}
