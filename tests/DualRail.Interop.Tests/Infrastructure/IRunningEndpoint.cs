namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>A server a test started (a Node script or an in-process host), stopped on dispose.</summary>
public interface IRunningEndpoint : IAsyncDisposable
{
    /// <summary>Base URL on 127.0.0.1.</summary>
    string Url { get; }
}
