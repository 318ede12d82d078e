using System.Globalization;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRail.Crypto;
using DualRail.Evm;
using DualRail.Evm.Abi;

namespace DualRail.Facilitator.Chains;

/// <summary><see cref="IEvmChainClient"/> over Ethereum JSON-RPC 2.0 (HttpClient + System.Text.Json).</summary>
internal sealed class JsonRpcEvmChainClient(HttpClient http, Uri rpcUrl) : IEvmChainClient
{
    private const int ExecutionRevertedCode = 3;
    private long _nextId;

    public async Task<long> GetChainIdAsync(CancellationToken cancellationToken) =>
        (long)Quantity(await RequestAsync("eth_chainId", [], cancellationToken));

    public async Task<byte[]> CallAsync(EvmAddress to, byte[] data, EvmAddress? from, CancellationToken cancellationToken)
    {
        var call = new JsonObject { ["to"] = to.ToLowerHex(), ["data"] = Hex.Encode(data, withPrefix: true) };
        if (from is { } sender)
            call["from"] = sender.ToLowerHex();
        return Data(await RequestAsync("eth_call", [call, "latest"], cancellationToken));
    }

    public async Task<byte[]> GetCodeAsync(EvmAddress address, CancellationToken cancellationToken) =>
        Data(await RequestAsync("eth_getCode", [address.ToLowerHex(), "latest"], cancellationToken));

    public async Task<BigInteger> GetPendingNonceAsync(EvmAddress address, CancellationToken cancellationToken) =>
        Quantity(await RequestAsync("eth_getTransactionCount", [address.ToLowerHex(), "pending"], cancellationToken));

    public async Task<BigInteger> EstimateGasAsync(EvmAddress from, EvmAddress to, byte[] data, CancellationToken cancellationToken) =>
        Quantity(await RequestAsync(
            "eth_estimateGas",
            [new JsonObject { ["from"] = from.ToLowerHex(), ["to"] = to.ToLowerHex(), ["data"] = Hex.Encode(data, withPrefix: true) }],
            cancellationToken));

    /// <summary>maxFee = 2 × latest base fee + priority fee (room for the base fee to rise for a few blocks).</summary>
    public async Task<FeeQuote> GetFeesAsync(CancellationToken cancellationToken)
    {
        var block = await RequestAsync("eth_getBlockByNumber", ["latest", false], cancellationToken);
        var baseFee = block.TryGetProperty("baseFeePerGas", out var fee) ? Quantity(fee) : BigInteger.Zero;
        var priority = Quantity(await RequestAsync("eth_maxPriorityFeePerGas", [], cancellationToken));
        return new FeeQuote(baseFee * 2 + priority, priority);
    }

    public async Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken cancellationToken)
    {
        try
        {
            return (await RequestAsync("eth_sendRawTransaction", [Hex.Encode(rawTransaction, withPrefix: true)], cancellationToken)).GetString()!;
        }
        catch (JsonRpcErrorException ex)
        {
            throw new TransactionRejectedException(ex.RpcMessage);
        }
    }

    public async Task<TransactionOutcome?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken)
    {
        var receipt = await RequestAsync("eth_getTransactionReceipt", [transactionHash], cancellationToken);
        if (receipt.ValueKind != JsonValueKind.Object)
            return null;
        return new TransactionOutcome(
            transactionHash,
            Quantity(receipt.GetProperty("status")) == BigInteger.One,
            Quantity(receipt.GetProperty("blockNumber")));
    }

    private async Task<JsonElement> RequestAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = parameters,
        };
        using var response = await http.PostAsJsonAsync(rpcUrl, request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
            var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            var data = error.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            if (code == ExecutionRevertedCode || message.Contains("revert", StringComparison.OrdinalIgnoreCase))
                throw new ContractRevertedException(DecodeRevertReason(data), $"{method} reverted: {message}");
            throw new JsonRpcErrorException(method, code, message);
        }

        return root.GetProperty("result").Clone();
    }

    /// <summary>Error(string) revert data → the string; anything else → null.</summary>
    private static string? DecodeRevertReason(string? data) => RevertReason.Decode(data).Message;

    private static byte[] Data(JsonElement element) => Hex.Decode(element.GetString() ?? "0x");

    private static BigInteger Quantity(JsonElement element)
    {
        var text = element.GetString() ?? "0x0";
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse("0" + digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
