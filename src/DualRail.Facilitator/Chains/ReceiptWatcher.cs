using DualRail.Evm.Rpc;
using DualRail.Facilitator.Logging;
using Microsoft.Extensions.Logging;

namespace DualRail.Facilitator.Chains;

/// <summary>
/// One receipt poller per chain, shared by every settlement waiting there. A waiter checks its own
/// receipt once when it starts (the transaction may be mined already); after that one loop follows the
/// chain head every poll interval and, when it moved, reads the new blocks' receipts
/// (eth_getBlockReceipts), or asks for each waiter's receipt when that is fewer calls (or the node
/// lacks the method). The loop runs only while someone waits.
/// </summary>
internal sealed class ReceiptWatcher(IEvmChainClient client, string network, TimeSpan pollInterval, TimeProvider time, ILogger logger) : IDisposable
{
    private const int MaxParallelCalls = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<TaskCompletionSource<TransactionReceipt>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private bool _looping;
    private long? _lastScanned;
    private bool _blockReceiptsUnsupported;

    /// <summary>Waits for the transaction's receipt; null when <paramref name="timeout"/> passes first.</summary>
    public async Task<TransactionReceipt?> WaitAsync(string transactionHash, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<TransactionReceipt>(TaskCreationOptions.RunContinuationsAsynchronously);
        Register(transactionHash, waiter);
        try
        {
            // Registered first, checked second: a block mined after this check is scanned with this waiter in it.
            if (await client.GetReceiptAsync(transactionHash, cancellationToken) is { } mined)
                return mined;
            return await waiter.Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            Unregister(transactionHash, waiter);
        }
    }

    /// <summary>How many waiters there are now (for tests and diagnostics).</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
                return _waiters.Values.Sum(list => list.Count);
        }
    }

    private void Register(string transactionHash, TaskCompletionSource<TransactionReceipt> waiter)
    {
        lock (_lock)
        {
            if (!_waiters.TryGetValue(transactionHash, out var list))
                _waiters[transactionHash] = list = [];
            list.Add(waiter);
            if (_looping)
                return;
            _looping = true;
            _lastScanned = null;
        }

        _ = Task.Run(LoopAsync);
    }

    private void Unregister(string transactionHash, TaskCompletionSource<TransactionReceipt> waiter)
    {
        lock (_lock)
        {
            if (_waiters.TryGetValue(transactionHash, out var list) && list.Remove(waiter) && list.Count == 0)
                _waiters.Remove(transactionHash);
        }
    }

    private async Task LoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pollInterval, time, _stopping.Token);
                lock (_lock)
                {
                    if (_waiters.Count == 0)
                    {
                        _looping = false;
                        return;
                    }
                }

                await TickAsync(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The waiters keep waiting (each has its own timeout); the next tick tries again.
                FacilitatorLog.ReceiptPollFailed(logger, ex, network);
            }
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var head = await client.GetBlockNumberAsync(cancellationToken);
        if (head == _lastScanned)
            return;

        // Taken after reading the head: a waiter added later checks its own receipt after this point.
        string[] waiting;
        lock (_lock)
            waiting = [.. _waiters.Keys];

        var newBlocks = _lastScanned is { } last ? head - last : long.MaxValue;
        if (_blockReceiptsUnsupported || newBlocks > waiting.Length)
            await CheckEachAsync(waiting, cancellationToken);
        else
            await ScanBlocksAsync(_lastScanned!.Value + 1, head, waiting, cancellationToken);
        _lastScanned = head;
    }

    private async Task ScanBlocksAsync(long from, long to, string[] waiting, CancellationToken cancellationToken)
    {
        var blocks = new List<long>();
        for (var block = from; block <= to; block++)
            blocks.Add(block);
        var unsupported = false;
        await Parallel.ForEachAsync(blocks, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelCalls, CancellationToken = cancellationToken }, async (block, token) =>
        {
            var receipts = await client.GetBlockReceiptsAsync(block, token);
            if (receipts is null)
            {
                unsupported = true;
                return;
            }

            foreach (var receipt in receipts)
                Complete(receipt);
        });

        if (unsupported)
        {
            _blockReceiptsUnsupported = true;
            await CheckEachAsync(waiting, cancellationToken);
        }
    }

    private Task CheckEachAsync(string[] waiting, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(waiting, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelCalls, CancellationToken = cancellationToken }, async (hash, token) =>
        {
            if (await client.GetReceiptAsync(hash, token) is { } receipt)
                Complete(receipt);
        });

    private void Complete(TransactionReceipt receipt)
    {
        List<TaskCompletionSource<TransactionReceipt>>? list;
        lock (_lock)
        {
            if (!_waiters.Remove(receipt.TransactionHash, out list))
                return;
        }

        foreach (var waiter in list)
            waiter.TrySetResult(receipt);
    }

    /// <summary>Stops the loop; the token source is not disposed because a loop may still be reading its token.</summary>
    public void Dispose() => _stopping.Cancel();
}
