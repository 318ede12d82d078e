using System.Text.Json.Nodes;
using DualRail.TestSupport;

namespace DualRail.Lightning.Tests.Support;

/// <summary>Waits for a child process to print a JSON line that has a given property (its "ready" line).</summary>
internal static class ReadyLine
{
    public static async Task<JsonObject> WaitAsync(ChildProcess process, string property, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!cts.IsCancellationRequested)
        {
            foreach (var line in process.Output.Split('\n'))
            {
                var trimmed = line.Trim();
                if (!trimmed.StartsWith('{'))
                    continue;
                try
                {
                    if (JsonNode.Parse(trimmed) is JsonObject json && json.ContainsKey(property))
                        return json;
                }
                catch (System.Text.Json.JsonException)
                {
                    // Not our line.
                }
            }

            if (process.HasExited)
                throw new InvalidOperationException($"The process exited with {process.ExitCode} before it was ready:\n{process.Output}");
            try
            {
                await Task.Delay(50, cts.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"No ready line with \"{property}\" within {timeout}:\n{process.Output}");
    }
}
