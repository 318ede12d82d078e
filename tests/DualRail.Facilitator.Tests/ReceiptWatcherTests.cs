using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualRail.Facilitator.Tests;

/// <summary>One poller per chain wakes every settlement waiting for a receipt there.</summary>
public sealed class ReceiptWatcherTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ScriptedChainClient _node = new();
    private readonly ReceiptWatcher _watcher;

    public ReceiptWatcherTests()
    {
        _watcher = new ReceiptWatcher(_node, "eip155:84532", TimeSpan.FromMilliseconds(10), TimeProvider.System, NullLogger.Instance);
    }

    public void Dispose() => _watcher.Dispose();

    [Fact]
    public async Task Many_waiters_share_one_poller_that_reads_each_new_block_once()
    {
        var hashes = Enumerable.Range(0, 20).Select(Hash).ToArray();
        var waits = hashes.Select(h => _watcher.WaitAsync(h, Patience, CancellationToken.None)).ToArray();
        await WaitUntilAsync(() => _watcher.Waiting == 20 && _node.BlockNumberCalls >= 10);
        var receiptCallsWhileWaiting = _node.ReceiptCalls;

        _node.Mine(hashes);
        var receipts = await Task.WhenAll(waits).WaitAsync(Patience);

        Assert.All(receipts, r => Assert.True(r!.Succeeded));
        Assert.Equal(hashes, receipts.Select(r => r!.TransactionHash));
        // Each waiter asked for its own receipt at most twice (on arrival, and in the first tick of the loop), however many ticks passed...
        Assert.InRange(receiptCallsWhileWaiting, 20, 40);
        // ...and the mined block was read once for all of them.
        Assert.Equal(receiptCallsWhileWaiting, _node.ReceiptCalls);
        Assert.Equal(1, _node.BlockReceiptsCalls);
        Assert.Equal(0, _watcher.Waiting);
    }

    [Fact]
    public async Task A_transaction_mined_before_anyone_waits_is_found_at_once()
    {
        using var slowPoller = new ReceiptWatcher(_node, "eip155:84532", TimeSpan.FromHours(1), TimeProvider.System, NullLogger.Instance);
        _node.Mine(Hash(1));

        var receipt = await slowPoller.WaitAsync(Hash(1), Patience, CancellationToken.None);

        Assert.Equal(101, receipt!.BlockNumber);
    }

    [Fact]
    public async Task A_node_without_eth_getBlockReceipts_is_asked_per_waiter()
    {
        _node.SupportsBlockReceipts = false;
        foreach (var i in new[] { 1, 2 })
        {
            var wait = _watcher.WaitAsync(Hash(i), Patience, CancellationToken.None);
            var ticks = _node.BlockNumberCalls;
            await WaitUntilAsync(() => _node.BlockNumberCalls >= ticks + 3);

            _node.Mine(Hash(i));

            Assert.Equal(Hash(i), (await wait.WaitAsync(Patience))!.TransactionHash);
        }

        // Tried once, then never again.
        Assert.Equal(1, _node.BlockReceiptsCalls);
    }

    [Fact]
    public async Task A_receipt_that_does_not_come_in_time_answers_null_and_the_waiter_leaves()
    {
        var receipt = await _watcher.WaitAsync(Hash(1), TimeSpan.FromMilliseconds(100), CancellationToken.None);

        Assert.Null(receipt);
        Assert.Equal(0, _watcher.Waiting);
    }

    private static string Hash(int i) => "0x" + i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
            await Task.Delay(10, timeout.Token);
    }
}
