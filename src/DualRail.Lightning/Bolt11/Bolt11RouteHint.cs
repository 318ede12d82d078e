namespace DualRail.Lightning.Bolt11;

/// <summary>One <c>r</c> field: an ordered private route from a public node to the payee.</summary>
public sealed record Bolt11RouteHint(IReadOnlyList<Bolt11RouteHop> Hops);
