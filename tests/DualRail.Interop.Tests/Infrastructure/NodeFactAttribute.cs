using DualRail.TestSupport;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>
/// A fact that needs the reference x402 packages from node_modules; skipped with the reason when
/// they are not installed (scripts/test.sh runs <c>npm ci</c> first, so CI never skips).
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (InteropScripts.MissingToolingReason() is { } reason)
            Skip = reason;
    }
}
