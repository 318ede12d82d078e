namespace DualRail.AspNetCore;

/// <summary>Registered by AddDualRail so UseDualRail can tell it was called.</summary>
internal sealed class DualRailMarkerService;
