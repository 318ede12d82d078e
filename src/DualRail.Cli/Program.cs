using System.CommandLine;
using DualRail.Cli.Commands;

var root = new RootCommand("dualrail: an x402 payment server with two rails, USDC on EVM and Bitcoin Lightning.");
root.Subcommands.Add(ServeCommand.Create());
return await root.Parse(args).InvokeAsync();
