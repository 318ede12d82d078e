using Microsoft.Extensions.Options;

namespace DualRail.Ledger;

internal sealed class SettlementWorkerOptionsValidator : IValidateOptions<SettlementWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, SettlementWorkerOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts < 1)
            failures.Add("DualRail:Settlement:MaxAttempts must be at least 1.");
        if (options.BatchSize < 1)
            failures.Add("DualRail:Settlement:BatchSize must be at least 1.");
        if (options.MaxConcurrency is < 1 or > 1024)
            failures.Add("DualRail:Settlement:MaxConcurrency must be between 1 and 1024.");
        if (options.LeaseDuration <= TimeSpan.Zero)
            failures.Add("DualRail:Settlement:LeaseDuration must be positive.");
        if (options.PollInterval <= TimeSpan.Zero)
            failures.Add("DualRail:Settlement:PollInterval must be positive.");
        if (options.InitialBackoff <= TimeSpan.Zero || options.MaxBackoff < options.InitialBackoff)
            failures.Add("DualRail:Settlement:InitialBackoff must be positive and not above MaxBackoff.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
