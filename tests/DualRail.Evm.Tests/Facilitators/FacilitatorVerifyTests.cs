using System.Net;

namespace DualRail.Evm.Tests.Facilitators;

public sealed class FacilitatorVerifyTests
{
    [Fact]
    public async Task Routes_to_the_first_facilitator_that_lists_the_kind()
    {
        var h = new FacilitatorClientHarness("a", "b");
        h.Supports("a", "eip155:1");
        h.Supports("b", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/verify", FacilitatorClientHarness.Valid);
        h.Handler.Json("b", "/x402/verify", FacilitatorClientHarness.Valid);

        var result = await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);

        Assert.True(result.Response!.IsValid);
        Assert.Equal("http://b/x402", result.Facilitator);
        Assert.Equal(0, h.Handler.Count("a", "/x402/verify"));
    }

    [Fact]
    public async Task Earlier_facilitator_wins_when_both_list_the_kind()
    {
        var h = new FacilitatorClientHarness("a", "b");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Supports("b", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/verify", """{"isValid":false,"invalidReason":"invalid_exact_evm_signature"}""");
        h.Handler.Json("b", "/x402/verify", FacilitatorClientHarness.Valid);

        var result = await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);

        Assert.False(result.Response!.IsValid);
        Assert.Equal("invalid_exact_evm_signature", result.Response.InvalidReason);
        Assert.Equal(0, h.Handler.Count("b", "/x402/verify"));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "{\"isValid\":true}")]
    [InlineData(HttpStatusCode.BadGateway, "")]
    [InlineData(HttpStatusCode.Found, "{\"isValid\":true}")]
    [InlineData(HttpStatusCode.OK, "not json")]
    [InlineData(HttpStatusCode.OK, "{}")]
    [InlineData(HttpStatusCode.OK, "{\"isValid\":\"true\"}")]
    [InlineData(HttpStatusCode.OK, "[true]")]
    [InlineData(HttpStatusCode.OK, "")]
    [InlineData(HttpStatusCode.BadRequest, "{\"isValid\":true}")]
    [InlineData(HttpStatusCode.Unauthorized, "{\"error\":\"no key\"}")]
    public async Task A_bad_answer_fails_over_to_the_next_and_never_counts_as_valid(HttpStatusCode status, string body)
    {
        var h = new FacilitatorClientHarness("a", "b");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Supports("b", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/verify", body, status);
        h.Handler.Json("b", "/x402/verify", FacilitatorClientHarness.Valid);

        var failover = await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);
        Assert.Equal("http://b/x402", failover.Facilitator);

        var alone = new FacilitatorClientHarness("a");
        alone.Supports("a", FacilitatorClientHarness.Network);
        alone.Handler.Json("a", "/x402/verify", body, status);
        var result = await alone.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);
        Assert.False(result.Answered);
        Assert.Null(result.Response);
        Assert.Contains("http://a/x402", result.Failure);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_larger_than_the_bound_is_not_an_answer(bool declaresLength)
    {
        var padded = $$"""{"isValid":true,"payer":"0x0000000000000000000000000000000000000001","pad":"{{new string('x', 300 * 1024)}}"}""";
        var h = new FacilitatorClientHarness("a");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Handler.On("a", "/x402/verify", (_, _) => Task.FromResult(Answer(padded, declaresLength)));

        var result = await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);

        Assert.False(result.Answered);
        Assert.Contains("larger than", result.Failure);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_is_read_whole_with_or_without_a_length(bool declaresLength)
    {
        var h = new FacilitatorClientHarness("a");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Handler.On("a", "/x402/verify", (_, _) => Task.FromResult(Answer("""{"isValid":false,"invalidReason":"invalid_exact_evm_signature"}""", declaresLength)));

        var result = await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);

        Assert.Equal("invalid_exact_evm_signature", result.Response!.InvalidReason);
    }

    private static HttpResponseMessage Answer(string json, bool declaresLength) =>
        declaresLength ? FakeFacilitatorHandler.JsonResponse(json) : new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnknownLengthContent(json) };

    [Fact]
    public async Task A_refusal_with_a_4xx_status_is_an_answer()
    {
        // CDP answers HTTP 400 with isValid false (x402.md §3.1).
        var h = new FacilitatorClientHarness("a");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/verify", """{"isValid":false,"invalidReason":"invalid_payload"}""", HttpStatusCode.BadRequest);

        var result = await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);

        Assert.False(result.Response!.IsValid);
        Assert.Equal("invalid_payload", result.Response.InvalidReason);
    }

    [Fact]
    public async Task An_unreachable_facilitator_fails_over()
    {
        var h = new FacilitatorClientHarness("a", "b");
        h.Supports("b", FacilitatorClientHarness.Network);
        h.Handler.Json("b", "/x402/verify", FacilitatorClientHarness.Valid);

        var result = await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);

        Assert.Equal("http://b/x402", result.Facilitator);
        Assert.True(result.Response!.IsValid);
    }

    [Fact]
    public async Task A_timeout_fails_closed()
    {
        var h = new FacilitatorClientHarness("a");
        h.Options.Facilitators[0].TimeoutSeconds = 5;
        h.Supports("a", FacilitatorClientHarness.Network);
        var entered = new TaskCompletionSource();
        h.Handler.Hang("a", "/x402/verify", entered);
        var client = h.Create();

        var verify = client.VerifyAsync(FacilitatorClientHarness.Request(), default);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        h.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await verify.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(result.Answered);
        Assert.Contains("no answer within 5 s", result.Failure);
    }

    [Fact]
    public async Task The_caller_cancelling_is_not_a_facilitator_failure()
    {
        var h = new FacilitatorClientHarness("a");
        h.Supports("a", FacilitatorClientHarness.Network);
        var entered = new TaskCompletionSource();
        h.Handler.Hang("a", "/x402/verify", entered);
        using var cts = new CancellationTokenSource();

        var verify = h.Create().VerifyAsync(FacilitatorClientHarness.Request(), cts.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => verify);
    }

    [Fact]
    public async Task Each_facilitator_gets_only_its_own_headers()
    {
        var h = new FacilitatorClientHarness("a", "b");
        h.Options.Facilitators[0].Headers["Authorization"] = "Bearer secret-a";
        h.Options.Facilitators[1].Headers["X-Api-Key"] = "secret-b";
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Supports("b", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/verify", "", HttpStatusCode.ServiceUnavailable);
        h.Handler.Json("b", "/x402/verify", FacilitatorClientHarness.Valid);

        await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);

        var toA = h.Handler.Requests.Where(r => r.Host == "a").ToList();
        var toB = h.Handler.Requests.Where(r => r.Host == "b").ToList();
        Assert.All(toA, r => Assert.Equal("Bearer secret-a", r.Headers["Authorization"]));
        Assert.All(toA, r => Assert.False(r.Headers.ContainsKey("X-Api-Key")));
        Assert.All(toB, r => Assert.Equal("secret-b", r.Headers["X-Api-Key"]));
        Assert.All(toB, r => Assert.False(r.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task The_request_body_is_the_x402_shape()
    {
        var h = new FacilitatorClientHarness("a");
        h.Supports("a", FacilitatorClientHarness.Network);
        h.Handler.Json("a", "/x402/verify", FacilitatorClientHarness.Valid);

        await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);

        var sent = h.Handler.Requests.Single(r => r.Path == "/x402/verify");
        Assert.Equal(HttpMethod.Post, sent.Method);
        var body = System.Text.Json.Nodes.JsonNode.Parse(sent.Body!)!.AsObject();
        Assert.Equal(2, (int)body["x402Version"]!);
        Assert.Equal("exact", (string)body["paymentPayload"]!["accepted"]!["scheme"]!);
        Assert.Equal("10000", (string)body["paymentRequirements"]!["amount"]!);
    }

    [Fact]
    public async Task A_facilitator_that_does_not_list_the_kind_is_never_asked()
    {
        var h = new FacilitatorClientHarness("a");
        h.Supports("a", "eip155:8453");
        h.Handler.Json("a", "/x402/verify", FacilitatorClientHarness.Valid);

        var result = await h.Create().VerifyAsync(FacilitatorClientHarness.Request(), default);

        Assert.False(result.Answered);
        Assert.Contains("no configured facilitator supports", result.Failure);
        Assert.Equal(0, h.Handler.Count("a", "/x402/verify"));
    }
}
