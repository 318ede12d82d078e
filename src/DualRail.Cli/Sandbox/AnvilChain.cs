using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualRail.Cli.Sandbox;

/// <summary>Anvil on 127.0.0.1 with chain id 84532, and the few JSON-RPC calls the sandbox set-up needs.</summary>
internal sealed class AnvilChain : IAsyncDisposable
{
    private readonly SandboxProcess _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int _id;

    private AnvilChain(SandboxProcess process, string rpcUrl)
    {
        _process = process;
        RpcUrl = rpcUrl;
    }

    public string RpcUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<AnvilChain> StartAsync(RepoLayout repo, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var process = SandboxProcess.Start(repo.AnvilBinary,
            ["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--chain-id", SandboxAccounts.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            repo.Root);
        var chain = new AnvilChain(process, $"http://127.0.0.1:{port}");
        try
        {
            await chain.WaitUntilReadyAsync(cancellationToken);
            return chain;
        }
        catch
        {
            await chain.DisposeAsync();
            throw;
        }
    }

    public async Task<JsonNode?> CallAsync(string method, params object?[] parameters)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _id),
            ["method"] = method,
            ["params"] = JsonSerializer.SerializeToNode(parameters),
        };
        using var response = await _http.PostAsJsonAsync(RpcUrl, request);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>()
            ?? throw new InvalidOperationException($"{method}: empty answer from Anvil.");
        if (answer["error"] is { } error)
            throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        return answer["result"];
    }

    /// <summary>Sends an unsigned transaction from an unlocked dev account and waits for its receipt.</summary>
    public async Task<JsonObject> SendTransactionAsync(string from, string? to, string data, CancellationToken cancellationToken)
    {
        var tx = new Dictionary<string, string> { ["from"] = from, ["data"] = data };
        if (to is not null)
            tx["to"] = to;
        var hash = (string)(await CallAsync("eth_sendTransaction", tx))!;
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await CallAsync("eth_getTransactionReceipt", hash) is JsonObject receipt)
            {
                if ((string?)receipt["status"] != "0x1")
                    throw new InvalidOperationException($"Transaction {hash} reverted.");
                return receipt;
            }
            await Task.Delay(50, cancellationToken);
        }
        throw new TimeoutException($"No receipt for {hash}.");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Anvil exited:{Environment.NewLine}{_process.Tail}");
            try
            {
                if ((string?)await CallAsync("eth_chainId") is { } chainId && Convert.ToInt64(chainId, 16) == SandboxAccounts.ChainId)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Anvil did not answer at {RpcUrl}:{Environment.NewLine}{_process.Tail}");
            await Task.Delay(100, cancellationToken);
        }
    }
}
