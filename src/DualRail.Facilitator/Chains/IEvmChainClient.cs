using System.Numerics;
using DualRail.Evm;

namespace DualRail.Facilitator.Chains;

/// <summary>
/// The chain operations the facilitator needs, in its own terms. Implemented over DualRail.Evm's
/// JSON-RPC client (<see cref="JsonRpcEvmChainClient"/>); a seam for tests of the settlement logic.
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

    Task<FeeQuote> GetFeesAsync(CancellationToken cancellationToken);

    /// <summary>eth_sendRawTransaction; returns the transaction hash. Node refusals throw <see cref="TransactionRejectedException"/>.</summary>
    Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken cancellationToken);

    /// <summary>The receipt, or null while the transaction is not mined.</summary>
    Task<TransactionOutcome?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken);
}
