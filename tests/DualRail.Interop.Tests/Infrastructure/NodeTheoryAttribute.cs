namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>The theory counterpart of <see cref="NodeFactAttribute"/>.</summary>
public sealed class NodeTheoryAttribute : TheoryAttribute
{
    public NodeTheoryAttribute()
    {
        if (InteropScripts.MissingToolingReason() is { } reason)
            Skip = reason;
    }
}
