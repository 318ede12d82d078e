using System.Numerics;
using DualRail.Evm;
using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Logging;
using Microsoft.Extensions.Logging;

namespace DualRail.Facilitator.Relayer;

/// <summary>
/// Hands out the relayer's transaction nonces on one chain, one sender at a time, so concurrent
/// settlements never reuse or skip a nonce. The nonce advances only when the node accepted the
/// transaction; a nonce refusal (another process used the key, a node restart) resyncs from
/// eth_getTransactionCount(pending) and retries.
/// </summary>
internal sealed class RelayerNonceManager(IEvmChainClient chain, EvmAddress relayerAddress, string network, ILogger logger) : IDisposable
{
    private const int MaxNonceRetries = 3;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private BigInteger? _next;

    /// <summary>
    /// Runs <paramref name="send"/> with the next nonce while holding the relayer's lock. The callback
    /// signs and broadcasts; it must throw <see cref="TransactionRejectedException"/> when the node refuses.
    /// </summary>
    public async Task<T> SendWithNextNonceAsync<T>(Func<BigInteger, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                _next ??= await chain.GetPendingNonceAsync(relayerAddress, cancellationToken);
                var nonce = _next.Value;
                try
                {
                    var result = await send(nonce, cancellationToken);
                    _next = nonce + 1;
                    return result;
                }
                catch (TransactionRejectedException ex) when (ex.IsNonceProblem && attempt < MaxNonceRetries)
                {
                    FacilitatorLog.NonceResync(logger, network, (long)nonce, ex.NodeMessage);
                    _next = null;
                }
                catch
                {
                    // The node may or may not have the transaction: ask it again next time.
                    _next = null;
                    throw;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached nonce (e.g. a sent transaction was dropped): the next send asks the node.</summary>
    public async Task ResyncAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        _next = null;
        _gate.Release();
    }

    public void Dispose() => _gate.Dispose();
}
