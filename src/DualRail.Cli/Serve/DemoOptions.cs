using DualRail.Rails;

namespace DualRail.Cli.Serve;

/// <summary><c>DualRail:Demo</c>: the demo endpoints of <c>dualrail serve</c>.</summary>
internal sealed class DemoOptions
{
    public const string SectionName = "DualRail:Demo";

    /// <summary>Maps <c>GET /api/free</c> (unpriced) and <c>GET /api/demo</c> (priced). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The price of <c>GET /api/demo</c>. Default "$0.01".</summary>
    public string Price { get; set; } = "$0.01";

    /// <summary>When <c>GET /api/demo</c> settles: Async (default), Sync or SettleFirst.</summary>
    public SettlementMode Settlement { get; set; } = SettlementMode.Async;
}
