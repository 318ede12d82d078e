namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>
/// The test chain, both facilitators, and for each a DualRail server using it (all paying
/// <see cref="PayTo"/>), plus a reference @x402/express server on the reference facilitator to
/// compare refusals with. Started once for the test class.
/// </summary>
public sealed class DualRailServersFixture : InteropChainFixture
{
    private readonly Dictionary<FacilitatorImplementation, IRunningEndpoint> _facilitators = [];
    private readonly Dictionary<FacilitatorImplementation, DualRailServerHost> _servers = [];

    public string PayTo => TestSupport.DevAccounts.Account3.Address;

    public DualRailServerHost Server(FacilitatorImplementation facilitator) => _servers[facilitator];

    /// <summary>express + @x402/express on the reference facilitator, paying <see cref="PayTo"/> the same price.</summary>
    public NodeScript ReferenceServer { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (InteropScripts.MissingToolingReason() is not null)
            return;
        foreach (var implementation in Enum.GetValues<FacilitatorImplementation>())
        {
            _facilitators[implementation] = await Facilitators.StartAsync(implementation, this);
            _servers[implementation] = await DualRailServerHost.StartAsync(_facilitators[implementation].Url, PayTo);
        }

        ReferenceServer = await ReferenceResourceServer.StartAsync(_facilitators[FacilitatorImplementation.Reference].Url, PayTo, DualRailServerHost.Price);
    }

    public override async Task DisposeAsync()
    {
        if (ReferenceServer is not null)
            await ReferenceServer.DisposeAsync();
        foreach (var server in _servers.Values)
            await server.DisposeAsync();
        foreach (var facilitator in _facilitators.Values)
            await facilitator.DisposeAsync();
        await base.DisposeAsync();
    }
}
