using System.Text.Json.Nodes;
using DualRail.TestSupport;

namespace DualRail.LoadBench.Stacks;

/// <summary>A tests/interop Node script: waits for its JSON event line ({"event":"ready","url":...}).</summary>
internal sealed class NodeService : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private NodeService(ChildProcess process, JsonObject ready)
    {
        _process = process;
        Ready = ready;
    }

    public JsonObject Ready { get; }

    public string Url => Ready["url"]!.GetValue<string>();

    public static async Task<NodeService> StartAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var process = ChildProcess.Start(NodeTooling.Node, [script, .. arguments], RepoRoot.Path, environment);
        try
        {
            return new NodeService(process, await WaitForEventAsync(process, "ready"));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public static async Task RunAsync(string script, IEnumerable<string> arguments, string expectedEvent)
    {
        await using var process = ChildProcess.Start(NodeTooling.Node, [script, .. arguments], RepoRoot.Path);
        await WaitForEventAsync(process, expectedEvent);
    }

    private static async Task<JsonObject> WaitForEventAsync(ChildProcess process, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var line in process.Output.Split('\n'))
            {
                if (!line.TrimStart().StartsWith('{'))
                    continue;
                try
                {
                    if (JsonNode.Parse(line) is JsonObject json && json["event"]?.GetValue<string>() == expected)
                        return json;
                }
                catch (System.Text.Json.JsonException)
                {
                    // a partial line; read again
                }
            }
            if (process.HasExited)
                throw new InvalidOperationException($"The script exited before '{expected}':\n{process.Output}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"No '{expected}' event:\n{process.Output}");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
