using System.Collections.Concurrent;
using DualRail.Evm;
using DualRail.Facilitator.Chains;

namespace DualRail.Facilitator.Verification;

/// <summary>
/// Whether an address has code, asked once per chain and address once the answer is yes: code
/// does not go away (since EIP-6780, SELFDESTRUCT deletes code only in the transaction that created
/// it). "No code" is never remembered, so a token deployed later is accepted on the next call.
/// Spares each /verify an eth_getCode that would ship the token's whole bytecode.
/// </summary>
internal sealed class DeployedCodeCache
{
    private readonly ConcurrentDictionary<(long ChainId, EvmAddress Address), bool> _deployed = new();

    public async ValueTask<bool> HasCodeAsync(ChainContext chain, EvmAddress address, CancellationToken cancellationToken)
    {
        if (_deployed.ContainsKey((chain.ChainId, address)))
            return true;
        if ((await chain.Client.GetCodeAsync(address, cancellationToken)).Length == 0)
            return false;
        _deployed.TryAdd((chain.ChainId, address), true);
        return true;
    }
}
