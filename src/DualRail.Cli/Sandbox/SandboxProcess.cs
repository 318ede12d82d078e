using System.Diagnostics;

namespace DualRail.Cli.Sandbox;

/// <summary>A child process the sandbox started; disposing it kills it and its children.</summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private SandboxProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it printed (for error messages).</summary>
    public string Tail
    {
        get
        {
            lock (_output)
                return string.Join(Environment.NewLine, _output.TakeLast(20));
        }
    }

    public static SandboxProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new SandboxProcess(process);
        process.OutputDataReceived += (_, e) => child.Record(e.Data);
        process.ErrorDataReceived += (_, e) => child.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a command to completion; throws with its output when it fails.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        await using var child = Start(fileName, arguments, workingDirectory);
        await child._process.WaitForExitAsync(cancellationToken);
        if (child._process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited {child._process.ExitCode}:{Environment.NewLine}{child.Tail}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or not ours to wait for any longer.
        }
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200)
                _output.RemoveAt(0);
        }
    }
}
