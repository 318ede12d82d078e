using System.Collections.Concurrent;
using System.Numerics;
using DualRail.Crypto;
using DualRail.Evm;
using DualRail.Evm.Rpc;
using DualRail.Evm.Transactions;
using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Relayer;
using DualRail.Facilitator.Settlement;
using DualRail.Facilitator.Tests.Support;
using DualRail.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualRail.Facilitator.Tests;

/// <summary>The relayer's broadcasts on one chain: consecutive nonces, batched records, no gap after a refusal.</summary>
public sealed class RelayerNonceManagerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly RelayerAccount Relayer = RelayerAccount.FromHex(DevAccounts.Account9.PrivateKey);
    private static readonly EvmAddress Token = EvmAddress.Parse(AnvilProcess.BaseSepoliaUsdc);

    private readonly ScriptedChainClient _node = new();
    private readonly InMemorySettlementStore _store = new();
    private readonly ConcurrentDictionary<string, BigInteger> _nonceOfRaw = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _rawOfKey = new(StringComparer.Ordinal);
    private readonly RelayerNonceManager _nonces;

    public RelayerNonceManagerTests()
    {
        _nonces = new RelayerNonceManager(_node, Relayer.Address, "eip155:84532", _store, NullLogger.Instance);
    }

    public void Dispose() => _nonces.Dispose();

    [Fact]
    public async Task Transactions_queued_together_get_consecutive_nonces_and_one_store_write()
    {
        _node.NonceGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _nonces.SendAsync(Outgoing("first"));
        await WaitUntilAsync(() => _node.PendingNonceCalls == 1);
        // The loop is busy with "first"; these 20 queue up behind it and go out as one batch.
        var rest = Enumerable.Range(0, 20).Select(i => _nonces.SendAsync(Outgoing($"k{i}"))).ToList();
        _node.NonceGate.SetResult();

        var sent = await Task.WhenAll(rest.Prepend(first)).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(7, 21).Select(n => new BigInteger(n)), sent.Select(NonceOf));
        Assert.Equal(21, _node.Accepted.Count);
        Assert.Equal(21, _store.Records.Count);
        Assert.All(_store.Records.Values, r => Assert.Equal(SettlementStatus.Submitted, r.Status));
        Assert.Equal(2, _store.Writes);
        Assert.Equal(1, _node.PendingNonceCalls);
    }

    [Fact]
    public async Task A_refused_broadcast_leaves_no_nonce_gap_behind_it()
    {
        _node.NonceGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _node.Refuse = (raw, _) => Hex.Encode(raw) == RawOf("refused") ? new TransactionRejectedException("insufficient funds for gas * price + value") : null;
        var batch = new[] { "a", "b", "refused", "c", "d" }.Select(key => (Key: key, Sent: _nonces.SendAsync(Outgoing(key)))).ToList();
        _node.NonceGate.SetResult();

        var refused = await Assert.ThrowsAsync<TransactionRejectedException>(() => batch[2].Sent.WaitAsync(Patience));
        Assert.Contains("insufficient funds", refused.NodeMessage, StringComparison.Ordinal);
        var accepted = await Task.WhenAll(batch.Where(b => b.Key != "refused").Select(b => b.Sent)).WaitAsync(Patience);
        var after = await _nonces.SendAsync(Outgoing("after")).WaitAsync(Patience);

        // 7, 8 went out; 9 was refused; c and d were signed again as 9 and 10; the next one is 11.
        Assert.Equal([7, 8, 9, 10], accepted.Select(NonceOf).Select(n => (int)n));
        Assert.Equal(11, (int)NonceOf(after));
        Assert.Equal(_node.Accepted.Select(raw => _nonceOfRaw[Hex.Encode(raw)]), Enumerable.Range(7, 5).Select(n => new BigInteger(n)));
        Assert.Equal(accepted[2].HashHex, _store.Records["c"].Transaction);
    }

    [Fact]
    public async Task A_nonce_taken_behind_its_back_is_resynced_and_the_transaction_signed_again()
    {
        Assert.Equal(7, (int)NonceOf(await _nonces.SendAsync(Outgoing("warm-up")).WaitAsync(Patience)));
        // Another user of the key sends nonce 8; the node refuses ours once, then reports 9 as pending.
        _node.PendingNonce = 9;
        _node.Refuse = (raw, _) => _nonceOfRaw[Hex.Encode(raw)] == 8 ? new TransactionRejectedException("nonce too low") : null;

        var sent = await _nonces.SendAsync(Outgoing("k")).WaitAsync(Patience);

        Assert.Equal(9, (int)NonceOf(sent));
        Assert.Equal(2, _node.PendingNonceCalls);
        Assert.Equal(sent.HashHex, _store.Records["k"].Transaction);
    }

    [Fact]
    public async Task A_broadcast_with_an_unknown_outcome_fails_and_the_next_one_asks_the_node()
    {
        _node.Refuse = (_, send) => send == 0 ? new JsonRpcTransportException("connection reset") : null;

        await Assert.ThrowsAsync<JsonRpcTransportException>(() => _nonces.SendAsync(Outgoing("lost")).WaitAsync(Patience));
        var next = await _nonces.SendAsync(Outgoing("next")).WaitAsync(Patience);

        Assert.Equal(2, _node.PendingNonceCalls);
        Assert.Equal(7, (int)NonceOf(next));
    }

    private OutgoingTransaction Outgoing(string key) => new(
        nonce =>
        {
            var signed = Relayer.SignTransaction(84532, nonce, new Eip1559Fees(2_000_000_000, 1_000_000), 100_000, Token, System.Text.Encoding.UTF8.GetBytes(key));
            _nonceOfRaw[Hex.Encode(signed.Raw)] = nonce;
            _rawOfKey[key] = Hex.Encode(signed.Raw);
            return signed;
        },
        signed => new SettlementRecord
        {
            Key = key,
            AuthorizationHash = "0x" + key,
            Network = "eip155:84532",
            Payer = DevAccounts.Account1.Address,
            Transaction = signed.HashHex,
            Status = SettlementStatus.Submitted,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        });

    private string? RawOf(string key) => _rawOfKey.TryGetValue(key, out var raw) ? raw : null;

    private BigInteger NonceOf(SignedTransaction signed) => _nonceOfRaw[Hex.Encode(signed.Raw)];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
            await Task.Delay(10, timeout.Token);
    }
}
