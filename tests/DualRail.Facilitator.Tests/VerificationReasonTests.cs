using System.Security.Cryptography;
using DualRail.Facilitator.Tests.Support;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Facilitator.Tests;

/// <summary>Each way an authorization can be wrong gets its x402 reason code, verbatim, from /verify and /settle.</summary>
public sealed class VerificationReasonTests(FacilitatorFixture fixture) : IClassFixture<FacilitatorFixture>
{
    private static readonly DevAccount Payer = DevAccounts.Account1;

    [Fact]
    public Task Wrong_scheme() =>
        AssertRejectedAsync(Scenario() with { Scheme = "upto" }, ReasonCodes.InvalidExactEvmScheme);

    [Fact]
    public Task Missing_eip712_domain() =>
        AssertRejectedAsync(Scenario() with { TokenVersion = null }, ReasonCodes.InvalidExactEvmMissingEip712Domain);

    [Fact]
    public Task Network_mismatch_between_payload_and_requirements() =>
        AssertRejectedAsync(Scenario() with { PayloadNetwork = "eip155:8453" }, ReasonCodes.InvalidExactEvmNetworkMismatch);

    [Fact]
    public Task A_network_this_facilitator_does_not_serve() =>
        AssertRejectedAsync(Scenario() with { Network = "eip155:8453" }, ReasonCodes.InvalidNetwork);

    [Fact]
    public Task Signature_by_another_key() =>
        AssertRejectedAsync(Scenario() with { Signer = DevAccounts.Account4, From = Payer.Address }, ReasonCodes.InvalidExactEvmSignature);

    [Fact]
    public Task Tampered_signature() =>
        AssertRejectedAsync(Scenario() with { TamperSignature = s => s[..10] + (s[10] == 'a' ? 'b' : 'a') + s[11..] }, ReasonCodes.InvalidExactEvmSignature);

    [Fact]
    public Task High_s_signature_is_refused_like_usdc_does() =>
        AssertRejectedAsync(Scenario() with { TamperSignature = s => new TestSignature(s).WithHighS().Hex }, ReasonCodes.InvalidExactEvmSignature);

    [Fact]
    public Task Long_signature_from_an_address_without_code_is_an_undeployed_smart_wallet() =>
        AssertRejectedAsync(Scenario() with { TamperSignature = s => s + "00" }, ReasonCodes.InvalidExactEvmPayloadUndeployedSmartWallet);

    [Fact]
    public async Task Contract_wallet_signature_by_a_stranger()
    {
        var wallet = await fixture.Anvil.DeployTestWalletAsync(DevAccounts.Account3.Address);
        await AssertRejectedAsync(Scenario() with { Signer = DevAccounts.Account4, From = wallet }, ReasonCodes.InvalidExactEvmSignature);
    }

    [Fact]
    public Task Recipient_mismatch() =>
        AssertRejectedAsync(Scenario() with { To = RandomAddress() }, ReasonCodes.InvalidExactEvmRecipientMismatch);

    [Fact]
    public Task Valid_before_too_soon() =>
        AssertRejectedAsync(Scenario() with { ValidBefore = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3 }, ReasonCodes.InvalidExactEvmPayloadAuthorizationValidBefore);

    [Fact]
    public Task Valid_after_in_the_future() =>
        AssertRejectedAsync(Scenario() with { ValidAfter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 600 }, ReasonCodes.InvalidExactEvmPayloadAuthorizationValidAfter);

    [Fact]
    public Task Value_differs_from_amount() =>
        AssertRejectedAsync(Scenario() with { Value = 9_999 }, ReasonCodes.InvalidExactEvmAuthorizationValue);

    [Fact]
    public async Task Nonce_already_used()
    {
        await fixture.Anvil.MintAsync(fixture.BaseSepoliaToken, Payer.Address, 1_000_000);
        var scenario = Scenario();
        var settled = await fixture.Host.Client.SettleAsync(await scenario.BuildBodyAsync());
        Assert.True(settled.Success, settled.ErrorReason);

        // The same nonce again, for a different recipient: a new authorization the chain has seen used.
        await AssertRejectedAsync(scenario with { PayTo = RandomAddress() }, ReasonCodes.InvalidExactEvmNonceAlreadyUsed);
    }

    [Fact]
    public Task Token_name_mismatch() =>
        AssertRejectedAsync(Scenario() with { TokenName = "USD Coin" }, ReasonCodes.InvalidExactEvmTokenNameMismatch);

    [Fact]
    public Task Token_version_mismatch() =>
        AssertRejectedAsync(Scenario() with { TokenVersion = "1" }, ReasonCodes.InvalidExactEvmTokenVersionMismatch);

    [Fact]
    public Task Insufficient_balance() =>
        AssertRejectedAsync(Scenario() with { Signer = DevAccounts.Account6, Amount = 1 }, ReasonCodes.InvalidExactEvmInsufficientBalance);

    [Fact]
    public async Task A_token_without_eip3009_is_not_supported()
    {
        // An address with no code: the simulation "succeeds" with empty output, which must not count.
        await AssertRejectedAsync(Scenario() with { Token = RandomAddress() }, ReasonCodes.InvalidExactEvmEip3009NotSupported);
    }

    [Fact]
    public async Task A_token_deployed_after_a_refusal_is_accepted()
    {
        // The facilitator remembers only that a token has code, never that it has none.
        var scenario = Scenario() with { Token = RandomAddress() };
        var refused = await fixture.Host.Client.VerifyAsync(await scenario.BuildBodyAsync());
        Assert.Equal(ReasonCodes.InvalidExactEvmEip3009NotSupported, refused.InvalidReason);

        await fixture.Anvil.InstallTokenAtAsync(scenario.Token);
        await fixture.Anvil.MintAsync(scenario.Token, Payer.Address, 1_000_000);
        var accepted = await fixture.Host.Client.VerifyAsync(await (scenario with { Nonce = TestAuthorization.NewNonce() }).BuildBodyAsync());

        Assert.True(accepted.IsValid, accepted.InvalidReason);
    }

    private async Task AssertRejectedAsync(PaymentScenario scenario, string expectedReason)
    {
        await fixture.Anvil.MintAsync(fixture.BaseSepoliaToken, Payer.Address, 1_000_000);
        var body = await scenario.BuildBodyAsync();
        var client = fixture.Host.Client;

        var verify = await client.VerifyAsync(body);
        var settle = await client.SettleAsync(body);

        Assert.False(verify.IsValid);
        Assert.Equal(expectedReason, verify.InvalidReason);
        Assert.False(settle.Success);
        Assert.Equal(expectedReason, settle.ErrorReason);
        Assert.Equal("", settle.Transaction);
        if (expectedReason != ReasonCodes.InvalidExactEvmNonceAlreadyUsed)
            Assert.False(await fixture.Anvil.AuthorizationStateAsync(fixture.BaseSepoliaToken, scenario.EffectiveFrom, scenario.Nonce));
    }

    private PaymentScenario Scenario() => new()
    {
        Anvil = fixture.Anvil,
        Token = fixture.BaseSepoliaToken,
        Signer = Payer,
        PayTo = RandomAddress(),
    };

    private static string RandomAddress() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
