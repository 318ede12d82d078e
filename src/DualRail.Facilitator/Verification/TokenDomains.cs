using System.Collections.Concurrent;
using DualRail.Evm;
using DualRail.Evm.Eip712;

namespace DualRail.Facilitator.Verification;

/// <summary>
/// The EIP-712 domains of the tokens verified, one instance each, so each domain separator is
/// hashed once rather than per request. Bounded: name and version come from the request, so past
/// <see cref="MaxEntries"/> a domain is built afresh every time instead of remembered.
/// </summary>
internal sealed class TokenDomains
{
    internal const int MaxEntries = 256;

    private readonly ConcurrentDictionary<(string Name, string Version, long ChainId, EvmAddress Token), Eip712Domain> _domains = new();

    public Eip712Domain Get(string name, string version, long chainId, EvmAddress token)
    {
        var key = (name, version, chainId, token);
        if (_domains.TryGetValue(key, out var domain))
            return domain;
        domain = Eip712Domain.ForToken(name, version, chainId, token);
        if (_domains.Count < MaxEntries)
            _domains.TryAdd(key, domain);
        return domain;
    }

    internal int Count => _domains.Count;
}
