using DualRail.Rails;

namespace DualRail.LoadBench.Stacks;

/// <summary>
/// One phase's processes, all fresh: Anvil (when EVM is sold), <c>dualrail facilitator</c> on it, the LND
/// simulator (when Lightning is sold) and <c>dualrail serve</c> with a new ledger, selling on those rails.
/// </summary>
internal sealed class BenchStack : IAsyncDisposable
{
    private BenchStack(BenchChain? chain, OurFacilitator? facilitator, LightningNodes? nodes, BenchServer server)
    {
        Chain = chain;
        Facilitator = facilitator;
        Nodes = nodes;
        Server = server;
    }

    public BenchChain? Chain { get; }

    public OurFacilitator? Facilitator { get; }

    public LightningNodes? Nodes { get; }

    public BenchServer Server { get; }

    public static async Task<BenchStack> StartAsync(string directory, bool evm, bool lightning, SettlementMode settlement = SettlementMode.Async)
    {
        BenchChain? chain = null;
        OurFacilitator? facilitator = null;
        LightningNodes? nodes = null;
        try
        {
            EvmRailSettings? evmSettings = null;
            if (evm)
            {
                chain = await BenchChain.StartAsync();
                facilitator = await OurFacilitator.StartAsync(chain.Anvil, BenchChain.Relayer, directory);
                evmSettings = new EvmRailSettings(chain.Anvil.Network, BenchChain.Merchant.Address, facilitator.Url);
            }
            if (lightning)
                nodes = await LightningNodes.StartAsync(Path.Combine(directory, Guid.NewGuid().ToString("N")));
            var server = await BenchServer.StartAsync(directory, evmSettings, nodes, settlement);
            return new BenchStack(chain, facilitator, nodes, server);
        }
        catch
        {
            await DisposeAllAsync(null, nodes, facilitator, chain);
            throw;
        }
    }

    public BenchChain RequireChain() => Chain ?? throw new InvalidOperationException("This stack sells no EVM.");

    public LightningNodes RequireNodes() => Nodes ?? throw new InvalidOperationException("This stack sells no Lightning.");

    public ValueTask DisposeAsync() => DisposeAllAsync(Server, Nodes, Facilitator, Chain);

    // The server first, so nothing it still does reaches a stopped facilitator or node.
    private static async ValueTask DisposeAllAsync(params IAsyncDisposable?[] parts)
    {
        foreach (var part in parts)
        {
            if (part is not null)
                await part.DisposeAsync();
        }
    }
}
