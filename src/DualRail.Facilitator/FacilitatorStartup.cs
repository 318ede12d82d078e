using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Logging;
using DualRail.Facilitator.Options;
using DualRail.Facilitator.Relayer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DualRail.Facilitator;

/// <summary>
/// Loads the relayer key and the chains when the host starts (a missing key fails the start, not the
/// first request), then checks in the background that each RPC node is on the configured chain.
/// A node that is down does not stop the start: requests for its chain answer 503 until it is back.
/// </summary>
internal sealed class FacilitatorStartup(RelayerAccount relayer, ChainRegistry chains, ILogger<FacilitatorStartup> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        FacilitatorLog.Started(logger, relayer.Address.ToString(), string.Join(", ", chains.All.Select(c => c.Network)));
        foreach (var chain in chains.All)
            _ = CheckChainIdAsync(chain, _stopping.Token);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _stopping.CancelAsync();

    public void Dispose() => _stopping.Dispose();

    private async Task CheckChainIdAsync(ChainContext chain, CancellationToken cancellationToken)
    {
        try
        {
            var actual = await chain.Client.GetChainIdAsync(cancellationToken);
            if (actual != chain.ChainId)
                FacilitatorLog.ChainIdMismatch(logger, chain.Network, actual, FacilitatorOptions.SectionName);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            FacilitatorLog.ChainUnreachableAtStart(logger, ex, chain.Network);
        }
    }
}
