using System.Collections.Concurrent;

namespace DualRail.Networks;

/// <summary>
/// The networks known to one application: <see cref="KnownNetworks"/> plus chains the operator adds
/// (a local Anvil chain with a test token, another USDC deployment). Registered as a singleton.
/// </summary>
public sealed class NetworkRegistry
{
    private readonly ConcurrentDictionary<NetworkId, EvmNetwork> _evm = new();
    private readonly ConcurrentDictionary<NetworkId, LightningNetwork> _lightning = new();

    public NetworkRegistry()
    {
        foreach (var network in KnownNetworks.EvmNetworks)
            _evm[network.Id] = network;
        foreach (var network in KnownNetworks.LightningNetworks)
            _lightning[network.Id] = network;
    }

    public IEnumerable<EvmNetwork> EvmNetworks => _evm.Values;

    public IEnumerable<LightningNetwork> LightningNetworks => _lightning.Values;

    /// <summary>Adds or replaces an EVM network (e.g. <c>eip155:31337</c> for Anvil).</summary>
    public NetworkRegistry AddEvm(EvmNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _evm[network.Id] = network;
        return this;
    }

    public bool TryGetEvm(NetworkId id, out EvmNetwork network) => _evm.TryGetValue(id, out network!);

    public bool TryGetLightning(NetworkId id, out LightningNetwork network) => _lightning.TryGetValue(id, out network!);

    /// <summary>True when the network is registered on either rail.</summary>
    public bool IsKnown(NetworkId id) => _evm.ContainsKey(id) || _lightning.ContainsKey(id);

    /// <summary>Resolves a v1 name or a CAIP-2 string to a CAIP-2 id.</summary>
    public NetworkId? Resolve(string nameOrId)
    {
        var v1 = _evm.Values.FirstOrDefault(n => string.Equals(n.V1Name, nameOrId, StringComparison.Ordinal));
        if (v1 is not null)
            return v1.Id;
        return NetworkId.TryParse(nameOrId, out var id) ? id : null;
    }
}
