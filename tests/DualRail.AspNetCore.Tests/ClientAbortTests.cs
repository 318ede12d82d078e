using System.Net;
using DualRail.AspNetCore.Tests.Infrastructure;
using DualRail.Protocol;

namespace DualRail.AspNetCore.Tests;

/// <summary>
/// A client that hangs up (RequestAborted) mid-request: a settlement that started is completed and
/// recorded, the payment stays used; a payment not yet charged is released and nothing is charged.
/// </summary>
public sealed class ClientAbortTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private PaidServer _server = null!;

    public async Task InitializeAsync() => _server = await PaidServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/api/sync")] // Sync: the handler answered, the rail settles, the client hangs up
    [InlineData("/api/first-abortable")] // SettleFirst: the client hangs up while the rail settles; the handler then sees the abort and throws
    public async Task ASettlementThatCompletesAfterTheClientHungUpIsRecordedAndThePaymentStaysUsed(string path)
    {
        var settling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clientGone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Rail.BeforeSettleCompletes = async (_, cancellationToken) =>
        {
            settling.TrySetResult();
            await clientGone.Task.WaitAsync(cancellationToken);
        };
        var terms = await X402TestClient.GetTermsAsync(_server.Client, path);
        var payment = X402TestClient.Pay(terms.Accepts[0], "gone");

        using (var hangUp = new CancellationTokenSource())
        {
            var request = X402TestClient.PaidGetAsync(_server.Client, path, payment, hangUp.Token);
            await settling.Task.WaitAsync(Limit);
            hangUp.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        }
        await Eventually.WaitAsync(() => Task.FromResult(_server.ClientAborts), n => n >= 1, "the server to see the client hang up");
        clientGone.SetResult(); // the chain answers only now: the settlement succeeded after the abort

        var receipt = await Eventually.WaitAsync(() => LedgerRows.ReceiptAsync(_server.LedgerPath, "fake:gone"), r => r is not null, "the settlement to be recorded");
        Assert.Equal(("settled", "tx-gone"), receipt!.Value);
        Assert.Equal("served", await Eventually.WaitAsync(() => LedgerRows.ReservationAsync(_server.LedgerPath, "fake:gone"), s => s == "served", "the reservation to be served"));

        _server.Rail.BeforeSettleCompletes = null;
        using var replay = await X402TestClient.PaidGetAsync(_server.Client, path, payment);
        Assert.Equal(HttpStatusCode.PaymentRequired, replay.StatusCode);
        Assert.Equal(ReasonCodes.PaymentAlreadyUsed, X402TestClient.DecodeTerms(replay).Error);
        Assert.Equal(1, _server.Rail.SettleCalls["gone"]);
    }

    [Theory]
    [InlineData("/api/gated", false)] // Async
    [InlineData("/api/gated-sync", false)] // Sync
    [InlineData("/api/gated", true)] // final at verification
    public async Task AClientThatHungUpBeforeThePaymentWasChargedIsNotChargedAndCanUseItAgain(string path, bool final)
    {
        var handling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clientGone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.BeforeGatedHandlerAnswers = async () =>
        {
            handling.TrySetResult();
            await clientGone.Task;
        };
        var terms = await X402TestClient.GetTermsAsync(_server.Client, path);
        var payment = X402TestClient.Pay(terms.Accepts[0], "early", final: final);

        using (var hangUp = new CancellationTokenSource())
        {
            var request = X402TestClient.PaidGetAsync(_server.Client, path, payment, hangUp.Token);
            await handling.Task.WaitAsync(Limit);
            hangUp.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        }
        await Eventually.WaitAsync(() => Task.FromResult(_server.ClientAborts), n => n >= 1, "the server to see the client hang up");
        clientGone.SetResult();

        Assert.Null(await Eventually.WaitAsync(() => LedgerRows.ReservationAsync(_server.LedgerPath, "fake:early"), s => s is null, "the reservation to be released"));
        Assert.Null(await LedgerRows.ReceiptAsync(_server.LedgerPath, "fake:early"));
        Assert.False(_server.Rail.SettleCalls.ContainsKey("early"));

        _server.BeforeGatedHandlerAnswers = null;
        using var retried = await X402TestClient.PaidGetAsync(_server.Client, path, payment);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("gated content", await retried.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASettleFirstHandlerFailureAfterSettlementKeepsThePaymentUsedAndNeverSettlesTwice()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/throws-first");
        var payment = X402TestClient.Pay(terms.Accepts[0], "first-throws");

        using var failed = await X402TestClient.PaidGetAsync(_server.Client, "/api/throws-first", payment);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        _server.FlakyFails = false;
        using var retried = await X402TestClient.PaidGetAsync(_server.Client, "/api/throws-first", payment);
        Assert.Equal(HttpStatusCode.PaymentRequired, retried.StatusCode);
        Assert.Equal(ReasonCodes.PaymentAlreadyUsed, X402TestClient.DecodeTerms(retried).Error);
        Assert.Equal(1, _server.Rail.SettleCalls["first-throws"]);
        Assert.Equal(("settled", "tx-first-throws"), (await LedgerRows.ReceiptAsync(_server.LedgerPath, "fake:first-throws"))!.Value);
    }
}
