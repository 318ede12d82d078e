namespace DualRail.Evm.Facilitators;

/// <summary>What a request needs from a facilitator: an x402 version, a scheme and a CAIP-2 network.</summary>
public readonly record struct FacilitatorKind(int X402Version, string Scheme, string Network)
{
    public override string ToString() => $"v{X402Version}/{Scheme}/{Network}";
}
