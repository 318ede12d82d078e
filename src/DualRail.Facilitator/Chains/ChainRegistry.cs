using System.Diagnostics.CodeAnalysis;
using DualRail.Evm.Rpc;
using DualRail.Facilitator.Options;
using DualRail.Facilitator.Relayer;
using DualRail.Facilitator.Settlement;
using DualRail.Networks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Facilitator.Chains;

/// <summary>The configured chains by CAIP-2 network id.</summary>
internal sealed class ChainRegistry : IDisposable
{
    public const string HttpClientName = "DualRail.Facilitator.Rpc";

    private readonly Dictionary<string, ChainContext> _chains = new(StringComparer.Ordinal);

    public ChainRegistry(
        IOptions<FacilitatorOptions> options,
        IHttpClientFactory httpClients,
        RelayerAccount relayer,
        ISettlementStore store,
        TimeProvider time,
        ILogger<ChainRegistry> logger)
    {
        foreach (var chain in options.Value.Chains)
        {
            var network = NetworkId.Parse(chain.Network);
            var chainId = network.EvmChainId ?? throw new InvalidOperationException($"{chain.Network} is not an EVM network.");
            var client = new JsonRpcEvmChainClient(new JsonRpcClient(httpClients.CreateClient(HttpClientName), new Uri(chain.RpcUrl)));
            var nonces = new RelayerNonceManager(client, relayer.Address, network.ToString(), store, logger);
            var receipts = new ReceiptWatcher(client, network.ToString(), options.Value.ReceiptPollInterval, time, logger);
            _chains[network.ToString()] = new ChainContext(network.ToString(), chainId, client, nonces, new FeeCache(client, time), receipts, chain.GasBufferPercent);
        }
    }

    public IReadOnlyCollection<ChainContext> All => _chains.Values;

    public bool TryGet(string network, [NotNullWhen(true)] out ChainContext? chain) => _chains.TryGetValue(network, out chain);

    public void Dispose()
    {
        foreach (var chain in _chains.Values)
        {
            chain.Nonces.Dispose();
            chain.Receipts.Dispose();
        }
    }
}
