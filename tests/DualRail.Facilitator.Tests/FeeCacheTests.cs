using System.Numerics;
using DualRail.Evm;
using DualRail.Evm.Rpc;
using DualRail.Facilitator.Chains;
using Microsoft.Extensions.Time.Testing;

namespace DualRail.Facilitator.Tests;

/// <summary>Fees are looked up once for concurrent settlements and again after a short while.</summary>
public sealed class FeeCacheTests
{
    [Fact]
    public async Task Concurrent_settlements_share_one_lookup_until_it_expires()
    {
        var client = new FeeCountingClient();
        var time = new FakeTimeProvider();
        var cache = new FeeCache(client, time);

        var fees = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetAsync(CancellationToken.None)));
        Assert.All(fees, f => Assert.Equal(new BigInteger(1), f.MaxFeePerGas));
        Assert.Equal(1, client.Calls);

        time.Advance(FeeCache.Lifetime);
        Assert.Equal(new BigInteger(2), (await cache.GetAsync(CancellationToken.None)).MaxFeePerGas);
        Assert.Equal(2, client.Calls);
    }

    [Fact]
    public async Task A_failed_lookup_is_not_kept()
    {
        var client = new FeeCountingClient { FailNext = true };
        var cache = new FeeCache(client, new FakeTimeProvider());

        await Assert.ThrowsAsync<JsonRpcTransportException>(() => cache.GetAsync(CancellationToken.None));
        var fees = await cache.GetAsync(CancellationToken.None);

        Assert.Equal(new BigInteger(2), fees.MaxFeePerGas);
    }

    private sealed class FeeCountingClient : IEvmChainClient
    {
        private int _calls;

        public int Calls => _calls;

        public bool FailNext { get; set; }

        public async Task<Eip1559Fees> GetFeesAsync(CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            await Task.Yield();
            if (FailNext)
            {
                FailNext = false;
                throw new JsonRpcTransportException("node away");
            }

            return new Eip1559Fees(call, 0);
        }

        public Task<long> GetChainIdAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<byte[]> CallAsync(EvmAddress to, byte[] data, EvmAddress? from, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<byte[]> GetCodeAsync(EvmAddress address, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BigInteger> GetPendingNonceAsync(EvmAddress address, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BigInteger> EstimateGasAsync(EvmAddress from, EvmAddress to, byte[] data, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SendRawTransactionAsync(byte[] rawTransaction, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> IsKnownTransactionAsync(string transactionHash, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<TransactionReceipt?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> GetBlockNumberAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<TransactionReceipt>?> GetBlockReceiptsAsync(long blockNumber, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
