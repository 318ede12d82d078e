using Microsoft.Extensions.Options;
using System.CommandLine;
using DualRail.Cli.Hosting;

namespace DualRail.Cli.Commands;

/// <summary><c>dualrail facilitator</c>: runs the self-hosted x402 facilitator.</summary>
internal static class FacilitatorCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:8402" };
        var command = new Command("facilitator", "Run the x402 facilitator (EVM exact/EIP-3009): POST /verify, POST /settle, GET /supported. "
            + "Configure chains under DualRail:Facilitator (appsettings.json, DualRail__Facilitator__Chains__0__RpcUrl=…, or --DualRail:Facilitator:…=…); "
            + "the relayer key comes from DUALRAIL_FACILITATOR_RELAYER_KEY or DualRail:Facilitator:RelayerKeyFile.")
        {
            urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new Dictionary<string, string?> { ["urls"] = result.GetValue(urls) };
            await using var app = FacilitatorApp.Build([.. result.UnmatchedTokens], settings);
            try
            {
                await app.RunAsync(cancellationToken);
            }
            catch (OptionsValidationException e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Error;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
