using System.Numerics;
using DualRail.Evm;
using DualRail.Evm.Rpc;

namespace DualRail.Facilitator.Chains;

/// <summary>
/// <see cref="IEvmChainClient"/> over DualRail.Evm's <see cref="JsonRpcClient"/>. Transport failures
/// stay <see cref="JsonRpcTransportException"/> (the endpoints answer 503 for them).
/// </summary>
internal sealed class JsonRpcEvmChainClient(JsonRpcClient rpc) : IEvmChainClient
{
    /// <summary>maxFee = 2 × latest base fee + priority fee: room for the base fee to rise for a few blocks.</summary>
    private const decimal BaseFeeMultiplier = 2m;

    public Task<long> GetChainIdAsync(CancellationToken cancellationToken) => rpc.GetChainIdAsync(cancellationToken);

    public async Task<byte[]> CallAsync(EvmAddress to, byte[] data, EvmAddress? from, CancellationToken cancellationToken)
    {
        try
        {
            return await rpc.CallAsync(new CallRequest { To = to, From = from, Data = data }, cancellationToken);
        }
        catch (EvmRevertException ex)
        {
            throw new ContractRevertedException(ex.ReasonText, ex.Message);
        }
    }

    public Task<byte[]> GetCodeAsync(EvmAddress address, CancellationToken cancellationToken) =>
        rpc.GetCodeAsync(address, BlockTag.Latest, cancellationToken);

    public Task<BigInteger> GetPendingNonceAsync(EvmAddress address, CancellationToken cancellationToken) =>
        rpc.GetTransactionCountAsync(address, BlockTag.Pending, cancellationToken);

    public async Task<BigInteger> EstimateGasAsync(EvmAddress from, EvmAddress to, byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            return await rpc.EstimateGasAsync(new CallRequest { From = from, To = to, Data = data }, cancellationToken);
        }
        catch (EvmRevertException ex)
        {
            throw new ContractRevertedException(ex.ReasonText, ex.Message);
        }
    }

    public Task<Eip1559Fees> GetFeesAsync(CancellationToken cancellationToken) =>
        rpc.EstimateFeesAsync(BaseFeeMultiplier, cancellationToken);

    public async Task SendRawTransactionAsync(byte[] rawTransaction, CancellationToken cancellationToken)
    {
        try
        {
            await rpc.SendRawTransactionAsync(rawTransaction, cancellationToken);
        }
        catch (JsonRpcException ex)
        {
            throw new TransactionRejectedException(ex.RpcMessage);
        }
    }

    public async Task<bool> IsKnownTransactionAsync(string transactionHash, CancellationToken cancellationToken) =>
        (await rpc.SendAsync("eth_getTransactionByHash", [transactionHash], cancellationToken)).ValueKind == System.Text.Json.JsonValueKind.Object;

    public Task<TransactionReceipt?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken) =>
        rpc.GetTransactionReceiptAsync(transactionHash, cancellationToken);
}
