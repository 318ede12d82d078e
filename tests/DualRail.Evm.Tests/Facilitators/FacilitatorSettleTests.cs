using System.Net;

namespace DualRail.Evm.Tests.Facilitators;

public sealed class FacilitatorSettleTests
{
    [Fact]
    public async Task Settles_at_the_routed_facilitator()
    {
        var h = new FacilitatorClientHarness("a", "b");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Supports("b", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/settle", FacilitatorClientHarness.Settled);

        var result = await h.Create().SettleAsync(FacilitatorClientHarness.Request(), default);

        Assert.False(result.IsUnknown);
        Assert.True(result.Response!.Success);
        Assert.Equal("0xabc", result.Response.Transaction);
        Assert.Equal(0, h.Handler.Count("b", "/x402/settle"));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "")]
    [InlineData(HttpStatusCode.BadGateway, FacilitatorClientHarness.Settled)]
    [InlineData(HttpStatusCode.MovedPermanently, FacilitatorClientHarness.Settled)]
    [InlineData(HttpStatusCode.OK, "garbage")]
    [InlineData(HttpStatusCode.OK, """{"success":true,"transaction":"","network":"eip155:84532"}""")]
    [InlineData(HttpStatusCode.OK, """{"success":true,"transaction":"0xabc","network":"eip155:1"}""")]
    [InlineData(HttpStatusCode.OK, """{"success":false,"transaction":"","network":"eip155:84532"}""")]
    [InlineData(HttpStatusCode.OK, """{"success":false,"errorReason":"settlement_pending","transaction":"","network":"eip155:84532"}""")]
    [InlineData(HttpStatusCode.BadRequest, FacilitatorClientHarness.Settled)]
    public async Task An_unclear_outcome_is_unknown_and_never_resent_elsewhere(HttpStatusCode status, string body)
    {
        var h = new FacilitatorClientHarness("a", "b");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Supports("b", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/settle", body, status);
        h.Handler.Json("b", "/x402/settle", FacilitatorClientHarness.Settled);

        var result = await h.Create().SettleAsync(FacilitatorClientHarness.Request(), default);

        Assert.True(result.IsUnknown);
        Assert.Null(result.Response);
        Assert.Equal("http://a/x402", result.Facilitator);
        Assert.Equal(0, h.Handler.Count("b", "/x402/settle"));
    }

    [Fact]
    public async Task A_timeout_is_unknown_and_never_resent_elsewhere()
    {
        var h = new FacilitatorClientHarness("a", "b");
        h.Options.Facilitators[0].SettleTimeoutSeconds = 30;
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Supports("b", FacilitatorClientHarness.Network);
        var entered = new TaskCompletionSource();
        h.Handler.Hang("a", "/x402/settle", entered);
        h.Handler.Json("b", "/x402/settle", FacilitatorClientHarness.Settled);

        var settle = h.Create().SettleAsync(FacilitatorClientHarness.Request(), default);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        h.Time.Advance(TimeSpan.FromSeconds(30));
        var result = await settle.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.IsUnknown);
        Assert.Contains("no answer within 30 s", result.Failure);
        Assert.Equal(0, h.Handler.Count("b", "/x402/settle"));
    }

    [Fact]
    public async Task A_connection_that_could_not_be_made_goes_to_the_next()
    {
        var h = new FacilitatorClientHarness("a", "b");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Supports("b", FacilitatorClientHarness.Network);
        h.Handler.Refuse("a", "/x402/settle");
        h.Handler.Json("b", "/x402/settle", FacilitatorClientHarness.Settled);

        var result = await h.Create().SettleAsync(FacilitatorClientHarness.Request(), default);

        Assert.False(result.IsUnknown);
        Assert.Equal("http://b/x402", result.Facilitator);
    }

    [Fact]
    public async Task No_reachable_facilitator_is_unknown()
    {
        var h = new FacilitatorClientHarness("a");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Handler.Refuse("a", "/x402/settle");

        var result = await h.Create().SettleAsync(FacilitatorClientHarness.Request(), default);

        Assert.True(result.IsUnknown);
        Assert.Contains("no facilitator could be reached", result.Failure);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task A_definite_failure_is_an_answer(HttpStatusCode status)
    {
        var h = new FacilitatorClientHarness("a");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/settle", """{"success":false,"errorReason":"invalid_exact_evm_nonce_already_used","transaction":"","network":"eip155:84532"}""", status);

        var result = await h.Create().SettleAsync(FacilitatorClientHarness.Request(), default);

        Assert.False(result.IsUnknown);
        Assert.False(result.Response!.Success);
        Assert.Equal("invalid_exact_evm_nonce_already_used", result.Response.ErrorReason);
    }
}
