using DualRail.Ledger;

namespace DualRail.Core.Tests.Ledger;

public sealed class SettlementWorkerOptionsValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1025)]
    public void RejectsAMaxConcurrencyOutOfRange(int maxConcurrency)
    {
        var result = new SettlementWorkerOptionsValidator().Validate(null, new SettlementWorkerOptions { MaxConcurrency = maxConcurrency });

        Assert.True(result.Failed);
        Assert.Contains("MaxConcurrency", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    public void AcceptsOneAtATimeAndTheDefault(int maxConcurrency)
    {
        var result = new SettlementWorkerOptionsValidator().Validate(null, new SettlementWorkerOptions { MaxConcurrency = maxConcurrency });

        Assert.True(result.Succeeded);
    }
}
