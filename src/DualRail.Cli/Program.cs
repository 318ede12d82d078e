using System.CommandLine;
using DualRail.Cli.Commands;

var root = new RootCommand("dualrail: x402 payments on two rails, USDC (EVM) and Bitcoin Lightning.")
{
    ServeCommand.Create(),
    PayCommand.Create(),
    DecodeCommand.Create(),
    FacilitatorCommand.Create(),
    SandboxCommand.Create(),
};
// Ctrl+C / SIGTERM cancel the running command, which then has this long to stop what it started.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
