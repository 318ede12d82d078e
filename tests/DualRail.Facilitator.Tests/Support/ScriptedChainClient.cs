using System.Numerics;
using DualRail.Evm;
using DualRail.Evm.Rpc;
using DualRail.Facilitator.Chains;

namespace DualRail.Facilitator.Tests.Support;

/// <summary>
/// A fake node for the relayer's broadcasts and the receipt watcher: a pending nonce that accepted
/// transactions advance, scriptable refusals, a chain head the test mines by hand, and call counters.
/// </summary>
internal sealed class ScriptedChainClient : IEvmChainClient
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _minedIn = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<byte[]> _accepted = [];
    private long _head = 100;
    private int _sends;
    private int _pendingNonceCalls;
    private int _receiptCalls;
    private int _blockReceiptsCalls;
    private int _blockNumberCalls;

    /// <summary>The node's next nonce for the relayer; each accepted transaction advances it.</summary>
    public BigInteger PendingNonce { get; set; } = 7;

    /// <summary>When set, eth_getTransactionCount waits for it (so a test can queue a whole batch first).</summary>
    public TaskCompletionSource? NonceGate { get; set; }

    /// <summary>Decides per broadcast (raw bytes, 0-based send number) whether the node refuses it: the exception to throw, or null.</summary>
    public Func<byte[], int, Exception?> Refuse { get; set; } = (_, _) => null;

    public bool SupportsBlockReceipts { get; set; } = true;

    public int PendingNonceCalls => Volatile.Read(ref _pendingNonceCalls);

    public int ReceiptCalls => Volatile.Read(ref _receiptCalls);

    public int BlockReceiptsCalls => Volatile.Read(ref _blockReceiptsCalls);

    public int BlockNumberCalls => Volatile.Read(ref _blockNumberCalls);

    public IReadOnlyList<byte[]> Accepted
    {
        get
        {
            lock (_lock)
                return [.. _accepted];
        }
    }

    /// <summary>Mines one block holding <paramref name="transactionHashes"/>.</summary>
    public void Mine(params string[] transactionHashes)
    {
        lock (_lock)
        {
            _head++;
            foreach (var hash in transactionHashes)
                _minedIn[hash] = _head;
        }
    }

    public async Task<BigInteger> GetPendingNonceAsync(EvmAddress address, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pendingNonceCalls);
        if (NonceGate is { } gate)
            await gate.Task.WaitAsync(cancellationToken);
        lock (_lock)
            return PendingNonce;
    }

    public Task SendRawTransactionAsync(byte[] rawTransaction, CancellationToken cancellationToken)
    {
        var refusal = Refuse(rawTransaction, Interlocked.Increment(ref _sends) - 1);
        if (refusal is not null)
            return Task.FromException(refusal);
        lock (_lock)
        {
            _accepted.Add(rawTransaction);
            PendingNonce++;
        }

        return Task.CompletedTask;
    }

    public Task<long> GetBlockNumberAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _blockNumberCalls);
        lock (_lock)
            return Task.FromResult(_head);
    }

    public Task<TransactionReceipt?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _receiptCalls);
        lock (_lock)
            return Task.FromResult(_minedIn.TryGetValue(transactionHash, out var block) ? Receipt(transactionHash, block) : null);
    }

    public Task<IReadOnlyList<TransactionReceipt>?> GetBlockReceiptsAsync(long blockNumber, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _blockReceiptsCalls);
        if (!SupportsBlockReceipts)
            return Task.FromResult<IReadOnlyList<TransactionReceipt>?>(null);
        lock (_lock)
            return Task.FromResult<IReadOnlyList<TransactionReceipt>?>(
                _minedIn.Where(pair => pair.Value == blockNumber).Select(pair => Receipt(pair.Key, blockNumber)).ToList());
    }

    private static TransactionReceipt Receipt(string hash, long block) => new() { TransactionHash = hash, Succeeded = true, BlockNumber = block };

    public Task<long> GetChainIdAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<byte[]> CallAsync(EvmAddress to, byte[] data, EvmAddress? from, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<byte[]> GetCodeAsync(EvmAddress address, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<BigInteger> EstimateGasAsync(EvmAddress from, EvmAddress to, byte[] data, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Eip1559Fees> GetFeesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> IsKnownTransactionAsync(string transactionHash, CancellationToken cancellationToken) => throw new NotSupportedException();
}
