using Microsoft.Extensions.Options;

namespace DualRail.Ledger;

internal sealed class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("DualRail:Ledger:Path is empty: set the SQLite file of the payment ledger (e.g. \"dualrail.db\").");
        }
        else if (options.Path != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(options.Path));
            if (directory is not null && !Directory.Exists(directory))
                failures.Add($"DualRail:Ledger:Path '{options.Path}': the directory '{directory}' does not exist.");
        }
        if (options.ReservationTimeout <= TimeSpan.Zero)
            failures.Add("DualRail:Ledger:ReservationTimeout must be positive.");
        if (!Enum.IsDefined(options.Synchronous))
            failures.Add("DualRail:Ledger:Synchronous must be Full or Normal.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
