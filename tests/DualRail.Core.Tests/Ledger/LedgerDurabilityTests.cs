using DualRail.Ledger;

namespace DualRail.Core.Tests.Ledger;

/// <summary>The ledger's durability settings reach SQLite, and the default is the durable one.</summary>
public sealed class LedgerDurabilityTests : IDisposable
{
    private readonly LedgerFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task ByDefaultTheWriterFlushesEveryCommitInWalMode()
    {
        var ledger = _fixture.Open(synchronous: new LedgerOptions().Synchronous);
        var writer = await ledger.Writer;
        Assert.Equal(2L, await writer.WriteAsync(context => context.Scalar("PRAGMA synchronous"), CancellationToken.None)); // FULL
        Assert.Equal("wal", await writer.WriteAsync(context => context.Scalar("PRAGMA journal_mode"), CancellationToken.None));
    }

    [Fact]
    public async Task NormalIsUsedOnlyWhenConfigured()
    {
        var ledger = _fixture.Open(synchronous: LedgerSynchronousMode.Normal);
        var writer = await ledger.Writer;
        Assert.Equal(1L, await writer.WriteAsync(context => context.Scalar("PRAGMA synchronous"), CancellationToken.None)); // NORMAL
    }

    [Fact]
    public void TheValidatorRefusesAnUnknownSynchronousMode()
    {
        var validator = new LedgerOptionsValidator();
        Assert.True(validator.Validate(null, new LedgerOptions { Path = _fixture.Path, Synchronous = LedgerSynchronousMode.Normal }).Succeeded);
        var result = validator.Validate(null, new LedgerOptions { Path = _fixture.Path, Synchronous = (LedgerSynchronousMode)7 });
        Assert.True(result.Failed);
        Assert.Contains("DualRail:Ledger:Synchronous", result.FailureMessage, StringComparison.Ordinal);
    }
}
