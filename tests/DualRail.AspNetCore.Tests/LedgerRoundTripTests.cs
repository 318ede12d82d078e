using System.Collections.Concurrent;
using System.Net;
using DualRail.AspNetCore.Tests.Infrastructure;
using DualRail.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace DualRail.AspNetCore.Tests;

/// <summary>What a paid request asks of the ledger: one reservation before the handler, one write after it.</summary>
public sealed class LedgerRoundTripTests : IAsyncLifetime
{
    private PaidServer _server = null!;
    private ConcurrentQueue<string> _calls = null!;
    private LedgerCallLog _log = null!;

    public async Task InitializeAsync() => _server = await PaidServer.StartAsync(servicesFirst: services =>
        services.AddSingleton(sp =>
        {
            var (ledger, log) = LedgerCallLog.Wrap(sp.GetRequiredService<SqlitePaymentLedger>());
            _log = log;
            _calls = log.Calls;
            return ledger;
        }));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/api/demo", false, "EnqueueSettlementAsync")] // Async
    [InlineData("/api/sync", false, "RecordReceiptAsync")] // Sync: the receipt marks the reservation served
    [InlineData("/api/first", false, "RecordReceiptAsync")] // SettleFirst
    [InlineData("/api/demo", true, "RecordReceiptAsync")] // final at verification
    public async Task APaidRequestReservesOnceAndWritesOnceMore(string path, bool final, string charge)
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, path);
        var payment = X402TestClient.Pay(terms.Accepts[0], final: final);
        _calls.Clear();

        using var response = await X402TestClient.PaidGetAsync(_server.Client, path, payment);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["TryReserveAsync", charge], Foreground());
    }

    [Fact]
    public async Task AReplayCostsOneReservationAttemptOnly()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/demo");
        var payment = X402TestClient.Pay(terms.Accepts[0]);
        using (await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", payment))
        {
        }
        _calls.Clear();

        using var replay = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", payment);

        Assert.Equal(HttpStatusCode.PaymentRequired, replay.StatusCode);
        Assert.Equal(["TryReserveAsync"], Foreground());
    }

    [Theory]
    [InlineData("/api/sync")]
    [InlineData("/api/first")]
    public async Task ASettlementTheLedgerRefusesToRecordFailsTheRequestAndThePaymentStaysUsed(string path)
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, path);
        var payment = X402TestClient.Pay(terms.Accepts[0], "unrecorded");
        _log.Fails = name => name == "RecordReceiptAsync";

        using var response = await X402TestClient.PaidGetAsync(_server.Client, path, payment);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, _server.Rail.SettleCalls["unrecorded"]);
        Assert.Equal("served", await LedgerRows.ReservationAsync(_server.LedgerPath, "fake:unrecorded"));

        _log.Fails = _ => false;
        using var replay = await X402TestClient.PaidGetAsync(_server.Client, path, payment);
        Assert.Equal(HttpStatusCode.PaymentRequired, replay.StatusCode);
        Assert.Equal(Protocol.ReasonCodes.PaymentAlreadyUsed, X402TestClient.DecodeTerms(replay).Error);
        Assert.Equal(1, _server.Rail.SettleCalls["unrecorded"]);
    }

    [Fact]
    public async Task AFinalPaymentTheLedgerRefusesToRecordIsReleasedAndRecordedOnTheRetry()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/demo");
        var payment = X402TestClient.Pay(terms.Accepts[0], "final-unrecorded", final: true);
        _log.Fails = name => name == "RecordReceiptAsync";

        using var response = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", payment);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(await LedgerRows.ReservationAsync(_server.LedgerPath, "fake:final-unrecorded"));

        _log.Fails = _ => false;
        using var retried = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", payment);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("settled", X402TestClient.DecodeReceipt(retried).Status);
    }

    /// <summary>The calls of the request, without the settlement worker's polling in the background.</summary>
    private string[] Foreground() =>
        [.. _calls.Where(c => c is not ("LeaseDueSettlementsAsync" or "CompleteSettlementAsync" or "RetrySettlementAsync"))];
}
