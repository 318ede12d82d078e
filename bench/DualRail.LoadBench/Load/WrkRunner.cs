using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DualRail.LoadBench.Load;

/// <summary>Runs wrk with bench/load/paid.lua and returns its summary line; the raw output is kept under results/raw.</summary>
internal sealed class WrkRunner(string script, string rawDirectory, int threads, int connections, TimeSpan duration)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Connections => connections;

    public string CommandFor(string url, int? connectionsOverride = null)
    {
        var c = connectionsOverride ?? connections;
        return $"wrk -t{Math.Min(threads, c)} -c{c} -d{(int)duration.TotalSeconds}s --timeout 30s --latency -s bench/load/paid.lua {url}";
    }

    public async Task<WrkResult> RunAsync(string name, string url, IReadOnlyList<string>? headers = null, int expectStatus = 200, int? connectionsOverride = null)
    {
        var c = connectionsOverride ?? connections;
        var t = Math.Min(threads, c);
        string? headersFile = null;
        if (headers is not null)
        {
            headersFile = Path.Combine(rawDirectory, $"{name}.headers");
            await File.WriteAllLinesAsync(headersFile, headers);
        }

        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { $"-t{t}", $"-c{c}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "30s", "--latency", "-s", script, url })
            start.ArgumentList.Add(argument);
        start.Environment["WRK_THREADS"] = t.ToString(CultureInfo.InvariantCulture);
        start.Environment["WRK_EXPECT"] = expectStatus.ToString(CultureInfo.InvariantCulture);
        start.Environment["WRK_HEADERS_FILE"] = headersFile ?? "";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout;
        await File.WriteAllTextAsync(Path.Combine(rawDirectory, $"{name}.wrk.txt"),
            $"$ WRK_THREADS={t} WRK_EXPECT={expectStatus} WRK_HEADERS_FILE={(headersFile is null ? "" : Path.GetFileName(headersFile))} wrk -t{t} -c{c} -d{(int)duration.TotalSeconds}s --timeout 30s --latency -s bench/load/paid.lua {url}\n{output}{await stderr}");
        if (headersFile is not null)
            File.Delete(headersFile); // tens of MB of spent authorizations; the count is in the results
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("{\"statuses\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no summary (exit {process.ExitCode}):\n{output}\n{await stderr}");
        return JsonSerializer.Deserialize<WrkResult>(line, Json)! with { Unexpected = UnexpectedResponse.Describe(output) };
    }
}
