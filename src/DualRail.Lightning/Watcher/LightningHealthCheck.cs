using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DualRail.Lightning.Watcher;

/// <summary>Healthy while LND is reachable and its invoice stream is followed; degraded otherwise (the EVM rail may still sell).</summary>
public sealed class LightningHealthCheck(LightningNodeStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["since"] = status.ChangedAt,
            ["settleIndex"] = status.SettleIndex,
            ["addIndex"] = status.AddIndex,
        };
        return Task.FromResult(status.IsAvailable
            ? HealthCheckResult.Healthy("LND reachable; invoice stream followed", data)
            : new HealthCheckResult(context.Registration.FailureStatus, status.LastError ?? "connecting to LND", data: data));
    }
}
