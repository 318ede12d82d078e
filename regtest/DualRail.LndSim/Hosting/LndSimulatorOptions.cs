namespace DualRail.LndSim.Hosting;

/// <summary>How many simulated nodes, where their files go, which ports, and their starting money.</summary>
public sealed class LndSimulatorOptions
{
    /// <summary>Each node writes tls.cert, tls.key and its macaroons under &lt;DataDir&gt;/&lt;node&gt;/ (LND's layout).</summary>
    public string DataDir { get; set; } = "";

    public IList<string> Nodes { get; set; } = ["merchant", "payer"];

    /// <summary>Node i listens on PortBase + i; 0 picks free ports.</summary>
    public int PortBase { get; set; }

    public long LocalBalanceSat { get; set; } = 10_000_000;

    public long RemoteBalanceSat { get; set; } = 10_000_000;

    public long WalletBalanceSat { get; set; } = 100_000_000;

    /// <summary>The routing fee every payment between two different nodes costs (0: direct channels).</summary>
    public long RoutingFeeMsat { get; set; }

    public uint BlockHeight { get; set; } = 120;

    /// <summary>How long stopping may wait for calls in progress before connections are cut.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(2);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDir))
            throw new ArgumentException("DataDir is required.", nameof(DataDir));
        if (Nodes.Count == 0 || Nodes.Any(n => string.IsNullOrWhiteSpace(n) || n.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
            throw new ArgumentException("Nodes must name at least one node, each a valid folder name.", nameof(Nodes));
        if (Nodes.Distinct(StringComparer.Ordinal).Count() != Nodes.Count)
            throw new ArgumentException("Node names must be unique.", nameof(Nodes));
        if (PortBase is < 0 or > 65_000)
            throw new ArgumentException("PortBase must be 0 (free ports) or a port number.", nameof(PortBase));
        if (LocalBalanceSat < 0 || RemoteBalanceSat < 0 || WalletBalanceSat < 0 || RoutingFeeMsat < 0)
            throw new ArgumentException("Balances and fees must not be negative.");
    }
}
