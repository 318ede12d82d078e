using System.Text.Json;
using System.Text.Json.Nodes;
using DualRail.TestSupport;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>
/// One of the tests/interop scripts running under Node. The scripts speak one JSON object per line
/// on stdout: {"event":"ready","url":...} once listening, {"event":"result",...} when a one-shot run
/// is done, {"event":"error","error":...} when they give up.
/// </summary>
public sealed class NodeScript : IRunningEndpoint
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;

    private NodeScript(ChildProcess process, JsonObject ready)
    {
        _process = process;
        Ready = ready;
        Url = ready["url"]?.GetValue<string>() ?? throw new InvalidOperationException($"Ready line without url: {ready.ToJsonString()}");
    }

    /// <summary>The ready line the script printed.</summary>
    public JsonObject Ready { get; }

    /// <summary>Base URL the script listens on (http://127.0.0.1:port).</summary>
    public string Url { get; }

    /// <summary>Everything the script wrote so far (for failure messages).</summary>
    public string Output => _process.Output;

    /// <summary>Starts a long-running script (a server) and waits for its ready line.</summary>
    public static async Task<NodeScript> StartAsync(
        string script,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var process = ChildProcess.Start(NodeTooling.Node, [script, .. arguments], RepoRoot.Path, environment, holdStandardInput: true);
        try
        {
            var ready = await WaitForEventAsync(process, "ready", timeout ?? DefaultTimeout, waitForExit: false);
            return new NodeScript(process, ready);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a one-shot script to its end and returns its <paramref name="expectedEvent"/> line.</summary>
    public static async Task<JsonObject> RunAsync(
        string script,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        string expectedEvent = "result")
    {
        await using var process = ChildProcess.Start(NodeTooling.Node, [script, .. arguments], RepoRoot.Path, environment, holdStandardInput: true);
        return await WaitForEventAsync(process, expectedEvent, timeout ?? DefaultTimeout, waitForExit: true);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<JsonObject> WaitForEventAsync(ChildProcess process, string expected, TimeSpan timeout, bool waitForExit)
    {
        using var cts = new CancellationTokenSource(timeout);
        if (waitForExit)
        {
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The script did not finish within {timeout}. Output:\n{process.Output}");
            }
        }

        while (true)
        {
            foreach (var line in process.Output.Split('\n'))
            {
                if (ParseEvent(line) is not { } message)
                    continue;
                var kind = message["event"]?.GetValue<string>();
                if (kind == expected)
                    return message;
                if (kind == "error")
                    throw new InvalidOperationException($"The script failed: {message["error"]}. Output:\n{process.Output}");
            }

            if (process.HasExited)
            {
                // Let the redirected streams drain before the last look.
                await process.WaitForExitAsync(CancellationToken.None);
                if (FindEvent(process.Output, expected) is { } late)
                    return late;
                throw new InvalidOperationException($"The script exited with code {process.ExitCode} before printing \"{expected}\". Output:\n{process.Output}");
            }

            try
            {
                await Task.Delay(25, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No \"{expected}\" line within {timeout}. Output:\n{process.Output}");
            }
        }
    }

    private static JsonObject? FindEvent(string output, string expected) =>
        output.Split('\n').Select(ParseEvent).FirstOrDefault(m => m?["event"]?.GetValue<string>() == expected);

    private static JsonObject? ParseEvent(string line)
    {
        var text = line.Trim();
        if (!text.StartsWith("{\"event\":", StringComparison.Ordinal))
            return null;
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
