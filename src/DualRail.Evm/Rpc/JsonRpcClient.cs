using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRail.Crypto;

namespace DualRail.Evm.Rpc;

/// <summary>
/// A typed Ethereum JSON-RPC 2.0 client over HttpClient. Node error objects become
/// <see cref="JsonRpcException"/> (reverts: <see cref="EvmRevertException"/>); unreachable nodes, HTTP
/// errors, timeouts and malformed answers become <see cref="JsonRpcTransportException"/>; cancelling
/// the caller's token throws <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class JsonRpcClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient httpClient;
    private readonly Uri endpoint;
    private long nextId;

    /// <summary>Creates a client that POSTs to <paramref name="endpoint"/>.</summary>
    public JsonRpcClient(HttpClient httpClient, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        this.httpClient = httpClient;
        this.endpoint = endpoint;
    }

    /// <summary>Calls any method; returns the raw result (JSON null included).</summary>
    public async Task<JsonElement> SendAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var id = Interlocked.Increment(ref nextId);
        using var content = new ByteArrayContent(WriteRequest(id, method, parameters));
        content.Headers.ContentType = JsonContentType;
        using var document = await PostAsync(method, content, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonRpcTransportException($"{method}: the node's answer is not a JSON-RPC object.");
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            throw ToException(method, error);
        }

        if (!root.TryGetProperty("result", out var result))
        {
            throw new JsonRpcTransportException($"{method}: the node's answer has neither result nor error.");
        }

        return result.Clone();
    }

    /// <summary>eth_chainId.</summary>
    public async Task<long> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        RpcResultReader.Int64(await SendAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false), "chain id");

    /// <summary>eth_blockNumber.</summary>
    public async Task<long> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        RpcResultReader.Int64(await SendAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false), "block number");

    /// <summary>eth_getTransactionCount: the next nonce (use <see cref="BlockTag.Pending"/> to count queued transactions).</summary>
    public async Task<BigInteger> GetTransactionCountAsync(EvmAddress address, BlockTag block, CancellationToken cancellationToken = default) =>
        RpcResultReader.Quantity(await SendAsync("eth_getTransactionCount", [address.ToLowerHex(), block.ToString()], cancellationToken).ConfigureAwait(false), "transaction count");

    /// <summary>eth_getBalance in wei.</summary>
    public async Task<BigInteger> GetBalanceAsync(EvmAddress address, BlockTag block, CancellationToken cancellationToken = default) =>
        RpcResultReader.Quantity(await SendAsync("eth_getBalance", [address.ToLowerHex(), block.ToString()], cancellationToken).ConfigureAwait(false), "balance");

    /// <summary>eth_getCode: empty for an account without code.</summary>
    public async Task<byte[]> GetCodeAsync(EvmAddress address, BlockTag block, CancellationToken cancellationToken = default) =>
        RpcResultReader.Data(await SendAsync("eth_getCode", [address.ToLowerHex(), block.ToString()], cancellationToken).ConfigureAwait(false), "code");

    /// <summary>eth_gasPrice in wei.</summary>
    public async Task<BigInteger> GetGasPriceAsync(CancellationToken cancellationToken = default) =>
        RpcResultReader.Quantity(await SendAsync("eth_gasPrice", [], cancellationToken).ConfigureAwait(false), "gas price");

    /// <summary>eth_maxPriorityFeePerGas in wei.</summary>
    public async Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        RpcResultReader.Quantity(await SendAsync("eth_maxPriorityFeePerGas", [], cancellationToken).ConfigureAwait(false), "max priority fee");

    /// <summary>eth_feeHistory over the last <paramref name="blockCount"/> blocks up to <paramref name="newestBlock"/>.</summary>
    public async Task<FeeHistory> GetFeeHistoryAsync(int blockCount, BlockTag newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockCount, 1);
        var percentiles = new JsonArray(rewardPercentiles.Select(p => (JsonNode)JsonValue.Create(p)).ToArray());
        var result = await SendAsync("eth_feeHistory", [HexQuantity.Format(blockCount), newestBlock.ToString(), percentiles], cancellationToken).ConfigureAwait(false);
        return RpcResultReader.FeeHistory(result);
    }

    /// <summary>eth_getBlockByNumber without transaction bodies; null when the block does not exist.</summary>
    public async Task<BlockHeader?> GetBlockByNumberAsync(BlockTag block, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("eth_getBlockByNumber", [block.ToString(), false], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : RpcResultReader.Block(result);
    }

    /// <summary>
    /// EIP-1559 fees the way viem does by default: maxFee = latest base fee × <paramref name="baseFeeMultiplier"/>
    /// + eth_maxPriorityFeePerGas. Chains without a base fee get eth_gasPrice for both.
    /// </summary>
    public async Task<Eip1559Fees> EstimateFeesAsync(decimal baseFeeMultiplier = 1.2m, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseFeeMultiplier, 1m);
        var latest = await GetBlockByNumberAsync(BlockTag.Latest, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonRpcTransportException("eth_getBlockByNumber(latest) returned no block.");
        if (latest.BaseFeePerGas is not { } baseFee)
        {
            var gasPrice = await GetGasPriceAsync(cancellationToken).ConfigureAwait(false);
            return new Eip1559Fees(gasPrice, gasPrice);
        }

        var priorityFee = await GetMaxPriorityFeePerGasAsync(cancellationToken).ConfigureAwait(false);
        // Multiply in thousandths to stay in integers.
        var scaledBaseFee = baseFee * new BigInteger(decimal.Round(baseFeeMultiplier * 1000m)) / 1000;
        return new Eip1559Fees(scaledBaseFee + priorityFee, priorityFee);
    }

    /// <summary>eth_estimateGas. A revert throws <see cref="EvmRevertException"/>.</summary>
    public async Task<BigInteger> EstimateGasAsync(CallRequest call, CancellationToken cancellationToken = default) =>
        RpcResultReader.Quantity(await SendAsync("eth_estimateGas", [call], cancellationToken).ConfigureAwait(false), "gas estimate");

    /// <summary>
    /// eth_call; returns the output bytes. A revert throws <see cref="EvmRevertException"/>. Note that a
    /// call to an address without code succeeds with empty output.
    /// </summary>
    public async Task<byte[]> CallAsync(CallRequest call, BlockTag block, CancellationToken cancellationToken = default) =>
        RpcResultReader.Data(await SendAsync("eth_call", [call, block.ToString()], cancellationToken).ConfigureAwait(false), "call output");

    /// <summary>eth_call at the latest block.</summary>
    public Task<byte[]> CallAsync(CallRequest call, CancellationToken cancellationToken = default) =>
        CallAsync(call, BlockTag.Latest, cancellationToken);

    /// <summary>eth_sendRawTransaction; returns the transaction hash the node reports (0x-hex).</summary>
    public async Task<string> SendRawTransactionAsync(ReadOnlyMemory<byte> rawTransaction, CancellationToken cancellationToken = default) =>
        RpcResultReader.HexString(await SendAsync("eth_sendRawTransaction", [Hex.Encode(rawTransaction.Span, withPrefix: true)], cancellationToken).ConfigureAwait(false), "transaction hash");

    /// <summary>eth_getTransactionReceipt; null while the transaction is not mined.</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("eth_getTransactionReceipt", [transactionHash], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : RpcResultReader.Receipt(result);
    }

    /// <summary>
    /// Polls eth_getTransactionReceipt every <paramref name="pollInterval"/> until the transaction is
    /// mined. Bound the wait with <paramref name="cancellationToken"/> (e.g. a CancellationTokenSource with a timeout).
    /// </summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, TimeSpan pollInterval, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        while (true)
        {
            var receipt = await GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                return receipt;
            }

            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonDocument> PostAsync(string method, HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClient.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new JsonRpcTransportException(string.Create(CultureInfo.InvariantCulture, $"{method}: the node at {endpoint.Host} answered HTTP {(int)response.StatusCode}."));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            // HttpClient.Timeout, not the caller's token.
            throw new JsonRpcTransportException($"{method}: the node at {endpoint.Host} did not answer in time.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new JsonRpcTransportException($"{method}: the node at {endpoint.Host} could not be reached ({exception.HttpRequestError}).", exception);
        }
        catch (JsonException exception)
        {
            throw new JsonRpcTransportException($"{method}: the node's answer is not JSON.", exception);
        }
    }

    private static JsonRpcException ToException(string method, JsonElement error)
    {
        var code = error.TryGetProperty("code", out var codeElement) && codeElement.TryGetInt32(out var parsed) ? parsed : 0;
        var message = error.TryGetProperty("message", out var messageElement) && messageElement.ValueKind == JsonValueKind.String ? messageElement.GetString()! : "";
        JsonElement? data = error.TryGetProperty("data", out var dataElement) ? dataElement.Clone() : null;

        // geth and anvil: code 3 with the revert data as hex; some nodes omit the data on a bare revert.
        var revertData = data is { ValueKind: JsonValueKind.String } hex && Hex.TryDecode(hex.GetString(), out var bytes) ? bytes : null;
        var isRevert = code == 3 || message.StartsWith("execution reverted", StringComparison.OrdinalIgnoreCase);
        return isRevert
            ? new EvmRevertException(method, code, message, data, revertData ?? [])
            : new JsonRpcException(method, code, message, data);
    }

    /// <summary>The request body, written straight to UTF-8 (no intermediate JSON tree).</summary>
    private static byte[] WriteRequest(long id, string method, IReadOnlyList<object?> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WriteStartArray("params");
            foreach (var parameter in parameters)
            {
                WriteParameter(writer, parameter);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteParameter(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case CallRequest call:
                call.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case EvmAddress address:
                writer.WriteStringValue(address.ToLowerHex());
                break;
            case BlockTag tag:
                writer.WriteStringValue(tag.ToString());
                break;
            case BigInteger quantity:
                writer.WriteStringValue(HexQuantity.Format(quantity));
                break;
            case int or long:
                writer.WriteStringValue(HexQuantity.Format(Convert.ToInt64(value, CultureInfo.InvariantCulture)));
                break;
            case byte[] bytes:
                writer.WriteStringValue(Hex.Encode(bytes, withPrefix: true));
                break;
            default:
                throw new ArgumentException($"Cannot send a {value.GetType().Name} as a JSON-RPC parameter.");
        }
    }
}
