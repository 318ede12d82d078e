using System.CommandLine;
using DualRail.Cli.Commands;

var root = new RootCommand("dualrail: x402 payments on two rails, USDC (EVM) and Bitcoin Lightning.")
{
    ServeCommand.Create(),
    PayCommand.Create(),
    DecodeCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
