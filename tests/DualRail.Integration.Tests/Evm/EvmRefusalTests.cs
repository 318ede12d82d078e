using System.Net;
using System.Net.Http.Headers;
using DualRail.Evm;
using DualRail.Integration.Tests.Evm.Infrastructure;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Integration.Tests.Evm;

/// <summary>Every bad EVM payment gets 402 with the reference reason, is never served and moves nothing.</summary>
public sealed class EvmRefusalTests(EvmStackFixture stack) : IClassFixture<EvmStackFixture>
{
    public static TheoryData<string, string> LocalRefusals() => new()
    {
        { "expired", ReasonCodes.InvalidExactEvmPayloadAuthorizationValidBefore },
        { "not yet valid", ReasonCodes.InvalidExactEvmPayloadAuthorizationValidAfter },
        { "wrong payTo", ReasonCodes.InvalidExactEvmRecipientMismatch },
        { "wrong amount", ReasonCodes.InvalidExactEvmAuthorizationValue },
        { "signed for another chain", ReasonCodes.InvalidExactEvmSignature },
        { "signed for another token name", ReasonCodes.InvalidExactEvmSignature },
        { "tampered signature", ReasonCodes.InvalidExactEvmSignature },
        { "accepted on another chain", ReasonCodes.InvalidNetwork },
        { "accepted with another amount", ReasonCodes.InvalidPaymentRequirements },
    };

    [Theory]
    [MemberData(nameof(LocalRefusals))]
    public async Task A_bad_authorization_is_refused_with_the_reference_reason(string change, string reason)
    {
        var accepted = EvmPayer.EvmAccept(await EvmPayer.RequireAsync(stack.Server.Client, EvmPaidServer.AsyncPath));
        var draft = EvmPayer.Draft(accepted, DevAccounts.Account2);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        draft = change switch
        {
            "expired" => draft with { ValidBefore = now - 10 },
            "not yet valid" => draft with { ValidAfter = now + 3600 },
            "wrong payTo" => draft with { To = EvmAddress.Parse(DevAccounts.Account5.Address) },
            "wrong amount" => draft with { Value = draft.Value - 1 },
            "signed for another chain" => draft with { Domain = draft.Domain with { ChainId = 1 } },
            "signed for another token name" => draft with { Domain = draft.Domain with { Name = "USD Coin" } },
            "tampered signature" => draft with { TamperSignature = true },
            "accepted on another chain" => draft with { Accepted = accepted with { Network = "eip155:8453" } },
            "accepted with another amount" => draft with { Accepted = accepted with { Amount = "1" }, Value = 1 },
            _ => throw new ArgumentException(change),
        };

        await AssertRefusedAsync(stack.Server, draft.ToHeader(), reason);
    }

    [Fact]
    public async Task A_payer_without_enough_tokens_is_refused()
    {
        var accepted = EvmPayer.EvmAccept(await EvmPayer.RequireAsync(stack.Server.Client, EvmPaidServer.AsyncPath));
        var broke = EvmPayer.Draft(accepted, DevAccounts.Account5);

        await AssertRefusedAsync(stack.Server, broke.ToHeader(), ReasonCodes.InvalidExactEvmInsufficientBalance);
    }

    [Fact]
    public async Task An_authorization_already_used_on_chain_is_refused()
    {
        var accepted = EvmPayer.EvmAccept(await EvmPayer.RequireAsync(stack.Server.Client, EvmPaidServer.AsyncPath));
        var draft = EvmPayer.Draft(accepted, DevAccounts.Account3);

        // Someone settles it elsewhere first (straight at the facilitator).
        using var facilitator = new HttpClient { BaseAddress = new Uri(stack.Facilitator.Url) };
        using var body = new ByteArrayContent(draft.FacilitatorRequestBody());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var settle = await facilitator.PostAsync("/settle", body);
        Assert.True(settle.IsSuccessStatusCode, await settle.Content.ReadAsStringAsync());
        Assert.True(await stack.Anvil.AuthorizationStateAsync(stack.BaseSepoliaToken, DevAccounts.Account3.Address, draft.NonceHex));
        var merchantAfterSettle = await stack.BalanceAsync(EvmStackFixture.Merchant.Address);

        await AssertRefusedAsync(stack.Server, draft.ToHeader(), ReasonCodes.InvalidExactEvmNonceAlreadyUsed);
        Assert.Equal(merchantAfterSettle, await stack.BalanceAsync(EvmStackFixture.Merchant.Address));
    }

    [Theory]
    [InlineData("DualRail:Evm:TokenName", "USD Coin", ReasonCodes.InvalidExactEvmTokenNameMismatch)]
    [InlineData("DualRail:Evm:TokenVersion", "1", ReasonCodes.InvalidExactEvmTokenVersionMismatch)]
    public async Task A_server_advertising_the_wrong_token_domain_sells_nothing(string setting, string value, string reason)
    {
        await using var misconfigured = await stack.StartServerAsync(new Dictionary<string, string?> { [setting] = value });
        var accepted = EvmPayer.EvmAccept(await EvmPayer.RequireAsync(misconfigured.Client, EvmPaidServer.AsyncPath));
        Assert.Equal(value, (string)accepted.Extra![setting.EndsWith("Name", StringComparison.Ordinal) ? "name" : "version"]!);

        // The client signs exactly what was advertised; the token's real domain differs.
        await AssertRefusedAsync(misconfigured, EvmPayer.Draft(accepted, DevAccounts.Account2).ToHeader(), reason);
    }

    private async Task AssertRefusedAsync(EvmPaidServer server, string header, string reason)
    {
        var merchantBefore = await stack.BalanceAsync(EvmStackFixture.Merchant.Address);
        var handlerBefore = server.HandlerCalls;

        using var response = await EvmPayer.SendAsync(server.Client, EvmPaidServer.AsyncPath, header);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal(reason, EvmPayer.Reason(response));
        Assert.NotEqual(EvmPaidServer.Content, await response.Content.ReadAsStringAsync());
        Assert.Equal(handlerBefore, server.HandlerCalls);
        Assert.Equal(merchantBefore, await stack.BalanceAsync(EvmStackFixture.Merchant.Address));
    }
}
