using System.Globalization;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualRail.TestSupport;

/// <summary>
/// A deliberately small raw JSON-RPC client for test set-up against Anvil (no dependency on our src
/// projects, so every test project can use it). Production code uses DualRail.Evm's client.
/// </summary>
public sealed class AnvilRpc : IDisposable
{
    private readonly HttpClient _http;
    private int _nextId;

    public AnvilRpc(string rpcUrl)
    {
        RpcUrl = rpcUrl;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    public string RpcUrl { get; }

    /// <summary>Calls a method and returns its result; a JSON-RPC error becomes an <see cref="AnvilRpcException"/>.</summary>
    public async Task<JsonElement> CallAsync(string method, params object?[] parameters)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = JsonSerializer.SerializeToNode(parameters),
        };
        using var response = await _http.PostAsJsonAsync(RpcUrl, request);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            var data = error.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            throw new AnvilRpcException(method, error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString() ?? "", data);
        }

        return root.GetProperty("result").Clone();
    }

    public async Task<long> ChainIdAsync() => (long)ParseQuantity((await CallAsync("eth_chainId")).GetString()!);

    public async Task<string> GetCodeAsync(string address) => (await CallAsync("eth_getCode", address, "latest")).GetString()!;

    public async Task<string> EthCallAsync(string to, string data, string? from = null)
    {
        var call = new Dictionary<string, string> { ["to"] = to, ["data"] = data };
        if (from is not null)
            call["from"] = from;
        return (await CallAsync("eth_call", call, "latest")).GetString()!;
    }

    /// <summary>Sends an unsigned transaction from an unlocked dev account and returns its mined receipt.</summary>
    public async Task<JsonElement> SendTransactionAsync(string from, string? to, string data)
    {
        var tx = new Dictionary<string, string> { ["from"] = from, ["data"] = data };
        if (to is not null)
            tx["to"] = to;
        var hash = (await CallAsync("eth_sendTransaction", tx)).GetString()!;
        return await WaitForReceiptAsync(hash);
    }

    public async Task<JsonElement> WaitForReceiptAsync(string transactionHash, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var receipt = await CallAsync("eth_getTransactionReceipt", transactionHash);
            if (receipt.ValueKind == JsonValueKind.Object)
                return receipt;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No receipt for {transactionHash}.");
            await Task.Delay(25);
        }
    }

    /// <summary>Anvil's signing oracle for its dev accounts: <c>eth_signTypedData_v4</c>.</summary>
    public async Task<string> SignTypedDataAsync(string address, JsonNode typedData) =>
        (await CallAsync("eth_signTypedData_v4", address, typedData)).GetString()!;

    public async Task<long> LatestBlockTimestampAsync()
    {
        var block = await CallAsync("eth_getBlockByNumber", "latest", false);
        return (long)ParseQuantity(block.GetProperty("timestamp").GetString()!);
    }

    public static BigInteger ParseQuantity(string hex)
    {
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        return digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse("0" + digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    public static string ToQuantity(BigInteger value) =>
        value.IsZero ? "0x0" : "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');

    public void Dispose() => _http.Dispose();
}
