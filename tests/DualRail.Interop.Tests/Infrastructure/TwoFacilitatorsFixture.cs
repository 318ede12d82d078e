namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>
/// The test chain plus both facilitators, each behind its own reference @x402/express server
/// (paying <see cref="PayTo"/>), started once for the test class.
/// </summary>
public sealed class TwoFacilitatorsFixture : InteropChainFixture
{
    private readonly Dictionary<FacilitatorImplementation, IRunningEndpoint> _facilitators = [];
    private readonly Dictionary<FacilitatorImplementation, NodeScript> _servers = [];

    public string PayTo => TestSupport.DevAccounts.Account3.Address;

    public IRunningEndpoint Facilitator(FacilitatorImplementation implementation) => _facilitators[implementation];

    /// <summary>The paid URL of the reference server that uses <paramref name="implementation"/>.</summary>
    public string Resource(FacilitatorImplementation implementation) => _servers[implementation].ResourceUrl();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (InteropScripts.MissingToolingReason() is not null)
            return;
        foreach (var implementation in Enum.GetValues<FacilitatorImplementation>())
        {
            _facilitators[implementation] = await Facilitators.StartAsync(implementation, this);
            _servers[implementation] = await ReferenceResourceServer.StartAsync(_facilitators[implementation].Url, PayTo);
        }
    }

    public override async Task DisposeAsync()
    {
        foreach (var server in _servers.Values)
            await server.DisposeAsync();
        foreach (var facilitator in _facilitators.Values)
            await facilitator.DisposeAsync();
        await base.DisposeAsync();
    }
}
