using DualRail.LndSim.Hosting;

namespace DualRail.LndSim.Nodes;

/// <summary>
/// All simulated nodes of one simulator, as if every pair had a direct channel. Owns the "stream
/// lifetime" that a simulated restart cancels, so every open stream is dropped at once.
/// </summary>
public sealed class SimulatedNetwork : IDisposable
{
    private readonly Dictionary<int, SimulatedNode> _byPort;
    private readonly Lock _lock = new();
    private CancellationTokenSource _streams = new();

    internal SimulatedNetwork(IReadOnlyList<SimulatedNode> nodes, LndSimulatorOptions options, TimeProvider timeProvider)
    {
        Nodes = nodes;
        Options = options;
        TimeProvider = timeProvider;
        _byPort = nodes.ToDictionary(n => n.Port);
    }

    public IReadOnlyList<SimulatedNode> Nodes { get; }

    public LndSimulatorOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public uint BlockHeight => Options.BlockHeight;

    /// <summary>Cancelled when the simulator drops every stream (a simulated LND restart).</summary>
    public CancellationToken StreamLifetime
    {
        get
        {
            lock (_lock)
                return _streams.Token;
        }
    }

    public SimulatedNode Node(string name) =>
        Nodes.FirstOrDefault(n => n.Name == name) ?? throw new KeyNotFoundException($"No simulated node named '{name}'.");

    internal SimulatedNode? NodeOnPort(int port) => _byPort.GetValueOrDefault(port);

    internal SimulatedNode? NodeWithKey(ReadOnlySpan<byte> publicKey)
    {
        foreach (var node in Nodes)
        {
            if (publicKey.SequenceEqual(node.Identity.PublicKey))
                return node;
        }

        return null;
    }

    /// <summary>Ends every open stream of every node; new streams get a fresh lifetime.</summary>
    public void DropStreams()
    {
        CancellationTokenSource old;
        lock (_lock)
        {
            old = _streams;
            _streams = new CancellationTokenSource();
        }

        // Not disposed: streams that took its token earlier still observe the cancellation.
        old.Cancel();
    }

    public void Dispose()
    {
        _streams.Dispose();
        foreach (var node in Nodes)
            node.Dispose();
    }
}
