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
/// in one write, then broadcast all at once. When the node refuses one for itself (or its outcome is
/// unknown), that settlement fails and its nonce is filled with a no-op transfer, so a refusal never
/// leaves a gap that would stall the transactions behind it. A nonce refusal (another process used the
/// key, a node restart) means the nonce is taken: that transaction is signed again after a resync from
/// eth_getTransactionCount(pending).
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
    private readonly Func<BigInteger, CancellationToken, Task<SignedTransaction>> _filler;
    private readonly Channel<OutgoingTransaction> _queue = Channel.CreateUnbounded<OutgoingTransaction>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private BigInteger? _next;
    private volatile bool _resync;

    /// <param name="filler">Signs a no-op transaction (a zero-value transfer to the relayer) for a nonce that must not stay a gap.</param>
    public RelayerNonceManager(
        IEvmChainClient chain,
        EvmAddress relayerAddress,
        string network,
        ISettlementStore store,
        Func<BigInteger, CancellationToken, Task<SignedTransaction>> filler,
        ILogger logger)
    {
        _filler = filler;
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

            // All at once: the node takes them in any order (a later nonce waits in its pool for the earlier ones).
            var outcomes = await Task.WhenAll(batch.Select(transaction => TrySendAsync(transaction, cancellationToken)));
            _next = first + batch.Count;
            var again = new List<OutgoingTransaction>();
            for (var i = 0; i < batch.Count; i++)
            {
                var nonce = first + i;
                switch (outcomes[i])
                {
                    case null:
                        batch[i].Sent();
                        break;
                    case TransactionRejectedException { IsNonceProblem: true } refused when nonceRetries < MaxNonceRetries:
                        // The nonce is taken (another user of the key, or a transaction already in the pool): no gap; signed again after a resync.
                        FacilitatorLog.NonceResync(_logger, _network, (long)nonce, refused.NodeMessage);
                        again.Add(batch[i]);
                        break;
                    case var failure:
                        // Refused for itself, or the outcome is unknown: it fails, and its nonce is filled so those behind it are not stuck.
                        FacilitatorLog.BroadcastRefused(_logger, _network, (long)nonce, (failure as TransactionRejectedException)?.NodeMessage ?? failure.GetType().Name);
                        batch[i].Fail(failure);
                        await FillAsync(nonce, cancellationToken);
                        break;
                }
            }

            if (again.Count > 0)
            {
                nonceRetries++;
                _next = null;
            }

            batch = again;
        }
    }

    private async Task<Exception?> TrySendAsync(OutgoingTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await _chain.SendRawTransactionAsync(transaction.Signed!.Raw, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    /// <summary>
    /// Sends a zero-value transfer to the relayer itself at <paramref name="nonce"/>. A nonce refusal
    /// means the nonce is used after all (the original got in): nothing to fill.
    /// </summary>
    private async Task FillAsync(BigInteger nonce, CancellationToken cancellationToken)
    {
        try
        {
            var filler = await _filler(nonce, cancellationToken);
            await _chain.SendRawTransactionAsync(filler.Raw, cancellationToken);
            FacilitatorLog.NonceFilled(_logger, _network, (long)nonce, filler.HashHex);
        }
        catch (TransactionRejectedException ex) when (ex.IsNonceProblem)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Those behind it wait for the gap: ask the node before the next batch.
            FacilitatorLog.NonceFillFailed(_logger, ex, _network, (long)nonce);
            _resync = true;
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stopping.Cancel();
    }
}
