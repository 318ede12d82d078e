namespace DualRail.Cli.Hosting;

/// <summary>
/// For web apps hosted inside a command (the sandbox): no Ctrl+C/SIGTERM handling of their own, so the
/// command alone decides when they stop, after the rest of the stack.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
