using System.Numerics;
using System.Threading.Channels;
using DualRail.Evm;
using DualRail.Evm.Transactions;
using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Logging;
using DualRail.Facilitator.Settlement;
using Microsoft.Extensions.Logging;

namespace DualRail.Facilitator.Relayer;

/// <summary>
/// Sends the relayer's transactions on one chain with consecutive nonces, from one loop: whatever is
/// queued when the loop comes round is one batch — signed with the next nonces, remembered in the store
/// in one write, then broadcast in nonce order. The nonce advances only past a transaction the node
/// accepted: when the node refuses one, the transactions behind it (not sent yet) are signed again
/// from the refused nonce, so a refusal never leaves a gap that would stall the ones after it. A nonce
/// refusal (another process used the key, a node restart) resyncs from eth_getTransactionCount(pending);
/// a broadcast whose outcome is unknown (transport failure) does too.
/// </summary>
internal sealed class RelayerNonceManager : IDisposable
{
    private const int MaxNonceRetries = 3;
    private const int MaxBatch = 256;

    private readonly IEvmChainClient _chain;
    private readonly EvmAddress _relayer;
    private readonly string _network;
    private readonly ISettlementStore _store;
    private readonly ILogger _logger;
    private readonly Channel<OutgoingTransaction> _queue = Channel.CreateUnbounded<OutgoingTransaction>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private BigInteger? _next;
    private volatile bool _resync;

    public RelayerNonceManager(IEvmChainClient chain, EvmAddress relayerAddress, string network, ISettlementStore store, ILogger logger)
    {
        _chain = chain;
        _relayer = relayerAddress;
        _network = network;
        _store = store;
        _logger = logger;
        _ = Task.Run(RunAsync);
    }

    /// <summary>
    /// Queues <paramref name="transaction"/>; completes with the signed transaction once the node accepted
    /// it. Once queued it is sent even if the caller stops waiting (its record is in the store by then).
    /// Refusals fault the task with <see cref="TransactionRejectedException"/>.
    /// </summary>
    public Task<SignedTransaction> SendAsync(OutgoingTransaction transaction)
    {
        if (!_queue.Writer.TryWrite(transaction))
            transaction.Fail(new ObjectDisposedException(nameof(RelayerNonceManager)));
        return transaction.Accepted;
    }

    /// <summary>Forgets the cached nonce (e.g. a sent transaction was dropped): the next batch asks the node.</summary>
    public void Resync() => _resync = true;

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                var batch = new List<OutgoingTransaction>();
                while (batch.Count < MaxBatch && reader.TryRead(out var next))
                    batch.Add(next);
                await BroadcastAsync(batch, _stopping.Token);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }

        while (reader.TryRead(out var left))
            left.Fail(new ObjectDisposedException(nameof(RelayerNonceManager)));
    }

    private async Task BroadcastAsync(List<OutgoingTransaction> batch, CancellationToken cancellationToken)
    {
        var nonceRetries = 0;
        while (batch.Count > 0)
        {
            BigInteger first;
            try
            {
                if (_resync)
                {
                    _resync = false;
                    _next = null;
                }

                _next ??= await _chain.GetPendingNonceAsync(_relayer, cancellationToken);
                first = _next.Value;
                var records = new List<SettlementRecord>(batch.Count);
                for (var i = 0; i < batch.Count; i++)
                    records.Add(batch[i].SignWith(first + i));
                // Remembered before the broadcast: a crash after it still finds the transactions on restart.
                await _store.SaveManyAsync(records, cancellationToken);
            }
            catch (Exception ex)
            {
                _next = null;
                foreach (var transaction in batch)
                    transaction.Fail(ex);
                return;
            }

            var sent = 0;
            while (sent < batch.Count)
            {
                var transaction = batch[sent];
                var nonce = first + sent;
                try
                {
                    await _chain.SendRawTransactionAsync(transaction.Signed!.Raw, cancellationToken);
                    _next = nonce + 1;
                    transaction.Sent();
                    sent++;
                }
                catch (TransactionRejectedException ex) when (ex.IsNonceProblem && nonceRetries < MaxNonceRetries)
                {
                    // This one and those behind it are signed again with the node's nonce.
                    nonceRetries++;
                    FacilitatorLog.NonceResync(_logger, _network, (long)nonce, ex.NodeMessage);
                    _next = null;
                    break;
                }
                catch (TransactionRejectedException ex)
                {
                    // Refused for itself (or the nonce kept failing): the nonce stays free for those behind it.
                    FacilitatorLog.BroadcastRefused(_logger, _network, (long)nonce, ex.NodeMessage);
                    transaction.Fail(ex);
                    sent++;
                    break;
                }
                catch (Exception ex)
                {
                    // The node may or may not have it: ask the node for the nonce before signing the rest.
                    _next = null;
                    transaction.Fail(ex);
                    sent++;
                    break;
                }
            }

            batch.RemoveRange(0, sent);
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stopping.Cancel();
    }
}
