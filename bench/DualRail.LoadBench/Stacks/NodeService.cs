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

    private static Task<JsonObject> WaitForEventAsync(ChildProcess process, string expected) =>
        ProcessOutput.WaitForAsync(process, $"the '{expected}' event", line =>
        {
            if (!line.TrimStart().StartsWith('{'))
                return null;
            try
            {
                return JsonNode.Parse(line) is JsonObject json && json["event"]?.GetValue<string>() == expected ? json : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null; // a partial line; read again
            }
        });

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
