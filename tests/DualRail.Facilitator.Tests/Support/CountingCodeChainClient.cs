using System.Numerics;
using DualRail.Evm;
using DualRail.Evm.Rpc;
using DualRail.Facilitator.Chains;

namespace DualRail.Facilitator.Tests.Support;

/// <summary>A chain client that only answers eth_getCode (from <see cref="Code"/>) and counts the calls.</summary>
internal sealed class CountingCodeChainClient : IEvmChainClient
{
    private int _getCodeCalls;

    public Dictionary<EvmAddress, byte[]> Code { get; } = [];

    public int GetCodeCalls => _getCodeCalls;

    public Task<byte[]> GetCodeAsync(EvmAddress address, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _getCodeCalls);
        return Task.FromResult(Code.TryGetValue(address, out var code) ? code : []);
    }

    public Task<long> GetChainIdAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<byte[]> CallAsync(EvmAddress to, byte[] data, EvmAddress? from, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<BigInteger> GetPendingNonceAsync(EvmAddress address, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<BigInteger> EstimateGasAsync(EvmAddress from, EvmAddress to, byte[] data, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Eip1559Fees> GetFeesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SendRawTransactionAsync(byte[] rawTransaction, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> IsKnownTransactionAsync(string transactionHash, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TransactionReceipt?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<long> GetBlockNumberAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<TransactionReceipt>?> GetBlockReceiptsAsync(long blockNumber, CancellationToken cancellationToken) => throw new NotSupportedException();
}
