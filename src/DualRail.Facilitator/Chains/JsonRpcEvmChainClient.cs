using System.Globalization;
using System.Numerics;
using System.Text.Json;
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

    private const int MethodNotFound = -32601;
    private const int InvalidParams = -32602;

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
        (await rpc.SendAsync("eth_getTransactionByHash", [transactionHash], cancellationToken)).ValueKind == JsonValueKind.Object;

    public Task<TransactionReceipt?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken) =>
        rpc.GetTransactionReceiptAsync(transactionHash, cancellationToken);

    public Task<long> GetBlockNumberAsync(CancellationToken cancellationToken) => rpc.GetBlockNumberAsync(cancellationToken);

    public async Task<IReadOnlyList<TransactionReceipt>?> GetBlockReceiptsAsync(long blockNumber, CancellationToken cancellationToken)
    {
        JsonElement result;
        try
        {
            result = await rpc.SendAsync("eth_getBlockReceipts", ["0x" + blockNumber.ToString("x", CultureInfo.InvariantCulture)], cancellationToken);
        }
        catch (JsonRpcException ex) when (ex.Code is MethodNotFound or InvalidParams)
        {
            return null;
        }

        if (result.ValueKind != JsonValueKind.Array)
            return result.ValueKind == JsonValueKind.Null ? [] : null;
        var receipts = new List<TransactionReceipt>(result.GetArrayLength());
        foreach (var item in result.EnumerateArray())
        {
            receipts.Add(new TransactionReceipt
            {
                TransactionHash = item.GetProperty("transactionHash").GetString()!,
                Succeeded = item.GetProperty("status").GetString() == "0x1",
                BlockNumber = blockNumber,
            });
        }

        return receipts;
    }
}
