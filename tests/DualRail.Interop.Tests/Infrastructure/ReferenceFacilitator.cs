using DualRail.TestSupport;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>tests/interop/facilitator.mjs: @x402/core's x402Facilitator + @x402/evm's exact scheme on the test chain.</summary>
public static class ReferenceFacilitator
{
    /// <summary>Starts it with <paramref name="relayer"/> paying gas; returns once it listens.</summary>
    public static Task<NodeScript> StartAsync(string rpcUrl, DevAccount relayer) =>
        NodeScript.StartAsync(
            InteropScripts.Facilitator,
            ["--rpc", rpcUrl, "--port", "0"],
            new Dictionary<string, string?> { ["RELAYER_PRIVATE_KEY"] = relayer.PrivateKey });
}
