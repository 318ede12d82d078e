using System.Text.Json.Nodes;
using DualRail.TestSupport;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>tests/interop/client.mjs: @x402/fetch + @x402/evm's exact client scheme with a viem account.</summary>
public static class ReferenceClient
{
    /// <summary>Fetches <paramref name="url"/>, paying on a 402; <paramref name="tamper"/> is "amount" or "expired" to send a payment the server must refuse.</summary>
    public static Task<JsonObject> PayAsync(string url, DevAccount payer, string? tamper = null)
    {
        List<string> arguments = ["--url", url, "--mode", "pay"];
        if (tamper is not null)
            arguments.AddRange(["--tamper", tamper]);
        return NodeScript.RunAsync(InteropScripts.Client, arguments, Environment(payer));
    }

    /// <summary>Fetches <paramref name="url"/> once without paying and reports which accepts entry it would pay.</summary>
    public static Task<JsonObject> InspectAsync(string url, DevAccount payer) =>
        NodeScript.RunAsync(InteropScripts.Client, ["--url", url, "--mode", "inspect"], Environment(payer));

    private static Dictionary<string, string?> Environment(DevAccount payer) => new() { ["PAYER_PRIVATE_KEY"] = payer.PrivateKey };
}
