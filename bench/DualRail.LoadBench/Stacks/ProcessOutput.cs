using DualRail.TestSupport;

namespace DualRail.LoadBench.Stacks;

/// <summary>Waits for a child process to print the line that says it is ready.</summary>
internal static class ProcessOutput
{
    public static async Task<T> WaitForAsync<T>(ChildProcess process, string what, Func<string, T?> parse, TimeSpan? limit = null) where T : class
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(120));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var line in process.Output.Split('\n'))
            {
                if (parse(line.TrimEnd('\r')) is { } found)
                    return found;
            }
            if (process.HasExited)
                throw new InvalidOperationException($"The process exited (code {process.ExitCode}) before {what}:\n{process.Output}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"No {what} within the limit:\n{process.Output}");
    }

    /// <summary>Polls <paramref name="url"/> until it answers 2xx (or the process dies).</summary>
    public static async Task WaitForHttpAsync(ChildProcess process, string url, TimeSpan? limit = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(120));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The process exited (code {process.ExitCode}) before {url} answered:\n{process.Output}");
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // starting up
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} did not answer within the limit:\n{process.Output}");
    }
}
