using DualRail.Rails;

namespace DualRail.Core.Tests.Ledger;

/// <summary>RecordReceiptAsync and the reservation it belongs to: settled money consumes the payment, a failure does not.</summary>
public sealed class RecordReceiptReservationTests : IDisposable
{
    private readonly LedgerFixture _fixture = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task ASettledReceiptMarksTheReservationServedSoReleaseCannotFreeIt()
    {
        var ledger = _fixture.Open();
        Assert.True(await ledger.TryReserveAsync("k", "GET /api/demo", Ct));

        await ledger.RecordReceiptAsync("k", "fake", PaymentSettlement.Succeeded("test:fake", "0x1"), Ct);
        await ledger.ReleaseAsync("k", Ct);

        Assert.False(await ledger.TryReserveAsync("k", "GET /api/demo", Ct));
        _fixture.Time.Advance(TimeSpan.FromDays(1)); // served is not a stale reservation
        Assert.False(await ledger.TryReserveAsync("k", "GET /api/demo", Ct));
    }

    [Fact]
    public async Task AFailedReceiptLeavesTheReservationReleasable()
    {
        var ledger = _fixture.Open();
        Assert.True(await ledger.TryReserveAsync("k", "GET /api/demo", Ct));

        await ledger.RecordReceiptAsync("k", "fake", PaymentSettlement.Failed("test:fake", "invalid_transaction_state"), Ct);
        await ledger.ReleaseAsync("k", Ct);

        Assert.True(await ledger.TryReserveAsync("k", "GET /api/demo", Ct));
    }
}
