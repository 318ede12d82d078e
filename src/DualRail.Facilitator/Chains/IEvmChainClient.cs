using System.Numerics;
using DualRail.Evm;
using DualRail.Evm.Rpc;

namespace DualRail.Facilitator.Chains;

/// <summary>
/// The chain operations the facilitator needs, with the failures it distinguishes as its own
/// exceptions. Implemented over DualRail.Evm's <see cref="JsonRpcClient"/> (<see cref="JsonRpcEvmChainClient"/>).
/// </summary>
internal interface IEvmChainClient
{
    Task<long> GetChainIdAsync(CancellationToken cancellationToken);

    /// <summary>eth_call at the latest block. A revert throws <see cref="ContractRevertedException"/>.</summary>
    Task<byte[]> CallAsync(EvmAddress to, byte[] data, EvmAddress? from, CancellationToken cancellationToken);

    Task<byte[]> GetCodeAsync(EvmAddress address, CancellationToken cancellationToken);

    /// <summary>eth_getTransactionCount(address, "pending").</summary>
    Task<BigInteger> GetPendingNonceAsync(EvmAddress address, CancellationToken cancellationToken);

    /// <summary>eth_estimateGas. A revert throws <see cref="ContractRevertedException"/>.</summary>
    Task<BigInteger> EstimateGasAsync(EvmAddress from, EvmAddress to, byte[] data, CancellationToken cancellationToken);

    Task<Eip1559Fees> GetFeesAsync(CancellationToken cancellationToken);

    /// <summary>eth_sendRawTransaction. Node refusals throw <see cref="TransactionRejectedException"/>.</summary>
    Task SendRawTransactionAsync(byte[] rawTransaction, CancellationToken cancellationToken);

    /// <summary>True when the node knows the transaction (pending or mined): eth_getTransactionByHash is not null.</summary>
    Task<bool> IsKnownTransactionAsync(string transactionHash, CancellationToken cancellationToken);

    /// <summary>The receipt, or null while the transaction is not mined.</summary>
    Task<TransactionReceipt?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken);

    /// <summary>eth_blockNumber.</summary>
    Task<long> GetBlockNumberAsync(CancellationToken cancellationToken);

    /// <summary>
    /// eth_getBlockReceipts: every receipt of one block (hash, status and block number are filled in);
    /// null when the node does not offer the method.
    /// </summary>
    Task<IReadOnlyList<TransactionReceipt>?> GetBlockReceiptsAsync(long blockNumber, CancellationToken cancellationToken);
}
