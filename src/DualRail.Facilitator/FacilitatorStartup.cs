using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Logging;
using DualRail.Facilitator.Relayer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DualRail.Facilitator;

/// <summary>Loads the relayer key and the chains when the host starts, so a missing key fails the start, not the first request.</summary>
internal sealed class FacilitatorStartup(RelayerAccount relayer, ChainRegistry chains, ILogger<FacilitatorStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        FacilitatorLog.Started(logger, relayer.Address.ToString(), string.Join(", ", chains.All.Select(c => c.Network)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
