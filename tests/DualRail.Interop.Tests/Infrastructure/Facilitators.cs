namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>Starts either facilitator on the test chain, with the chain's relayer paying gas.</summary>
public static class Facilitators
{
    public static async Task<IRunningEndpoint> StartAsync(FacilitatorImplementation implementation, InteropChainFixture chain) => implementation switch
    {
        FacilitatorImplementation.Reference => await ReferenceFacilitator.StartAsync(chain.RpcUrl, chain.Relayer),
        FacilitatorImplementation.DualRail => await DualRailFacilitatorHost.StartAsync(chain.RpcUrl, chain.Relayer),
        _ => throw new ArgumentOutOfRangeException(nameof(implementation)),
    };
}
