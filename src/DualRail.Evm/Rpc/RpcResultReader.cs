using System.Globalization;
using System.Numerics;
using System.Text.Json;
using DualRail.Crypto;

namespace DualRail.Evm.Rpc;

/// <summary>Turns JSON-RPC result values into typed values; anything malformed is a transport error.</summary>
internal static class RpcResultReader
{
    public static BigInteger Quantity(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String && HexQuantity.TryParse(value.GetString(), out var quantity)
            ? quantity
            : throw Malformed(what);

    public static long Int64(JsonElement value, string what)
    {
        var quantity = Quantity(value, what);
        return quantity <= long.MaxValue ? (long)quantity : throw Malformed(what);
    }

    public static byte[] Data(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String && Hex.TryDecode(value.GetString(), out var bytes) ? bytes : throw Malformed(what);

    public static string HexString(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String && Hex.TryDecode(value.GetString(), out _) ? value.GetString()! : throw Malformed(what);

    public static EvmAddress Address(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String && EvmAddress.TryParse(value.GetString(), out var address) ? address : throw Malformed(what);

    public static EvmAddress? OptionalAddress(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Address(value, name) : null;

    public static TransactionReceipt Receipt(JsonElement json)
    {
        var status = Quantity(Property(json, "status"), "receipt status");
        return new TransactionReceipt
        {
            TransactionHash = HexString(Property(json, "transactionHash"), "receipt transactionHash"),
            Succeeded = status == BigInteger.One,
            BlockNumber = Int64(Property(json, "blockNumber"), "receipt blockNumber"),
            From = OptionalAddress(json, "from") ?? default,
            To = OptionalAddress(json, "to"),
            ContractAddress = OptionalAddress(json, "contractAddress"),
            GasUsed = json.TryGetProperty("gasUsed", out var gasUsed) ? Quantity(gasUsed, "receipt gasUsed") : BigInteger.Zero,
            EffectiveGasPrice = json.TryGetProperty("effectiveGasPrice", out var price) ? Quantity(price, "receipt effectiveGasPrice") : BigInteger.Zero,
            Logs = json.TryGetProperty("logs", out var logs) && logs.ValueKind == JsonValueKind.Array
                ? logs.EnumerateArray().Select(Log).ToList()
                : [],
        };
    }

    public static BlockHeader Block(JsonElement json) => new()
    {
        Number = Int64(Property(json, "number"), "block number"),
        Hash = HexString(Property(json, "hash"), "block hash"),
        Timestamp = Int64(Property(json, "timestamp"), "block timestamp"),
        BaseFeePerGas = json.TryGetProperty("baseFeePerGas", out var baseFee) && baseFee.ValueKind == JsonValueKind.String
            ? Quantity(baseFee, "block baseFeePerGas")
            : null,
        GasLimit = json.TryGetProperty("gasLimit", out var gasLimit) ? Quantity(gasLimit, "block gasLimit") : BigInteger.Zero,
    };

    public static FeeHistory FeeHistory(JsonElement json) => new()
    {
        OldestBlock = Int64(Property(json, "oldestBlock"), "feeHistory oldestBlock"),
        BaseFeePerGas = Array(json, "baseFeePerGas").Select(v => Quantity(v, "feeHistory baseFeePerGas")).ToList(),
        GasUsedRatio = Array(json, "gasUsedRatio").Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw Malformed("feeHistory gasUsedRatio")).ToList(),
        Reward = json.TryGetProperty("reward", out var reward) && reward.ValueKind == JsonValueKind.Array
            ? reward.EnumerateArray().Select(block => (IReadOnlyList<BigInteger>)block.EnumerateArray().Select(v => Quantity(v, "feeHistory reward")).ToList()).ToList()
            : [],
    };

    public static JsonRpcTransportException Malformed(string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The node's answer has a malformed or missing {what}."));

    private static LogEntry Log(JsonElement json) => new(
        Address(Property(json, "address"), "log address"),
        Array(json, "topics").Select(t => Data(t, "log topic")).ToList(),
        Data(Property(json, "data"), "log data"));

    private static JsonElement Property(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) ? value : throw Malformed(name);

    private static JsonElement.ArrayEnumerator Array(JsonElement json, string name)
    {
        var value = Property(json, name);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Malformed(name);
    }
}
