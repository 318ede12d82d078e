using System.Numerics;
using System.Text.Json.Nodes;
using DualRail.Crypto;
using DualRail.Evm.Eip712;
using DualRail.Evm.Facilitators;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Evm.Tests.Rail;

public sealed class EvmRailVerifyTests
{
    private static readonly BigInteger SecpN = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_good_payment_is_verified_by_the_facilitator_and_keyed_by_chain_token_payer_and_nonce()
    {
        var h = new RailHarness();
        var quote = await h.QuoteAsync();
        var payload = h.Pay(quote);

        var result = await h.Rail.VerifyAsync(payload, quote, RailHarness.Context(), default);

        Assert.True(result.IsValid, result.InvalidReason);
        var nonce = (string)payload.Payload["authorization"]!["nonce"]!;
        Assert.Equal($"evm:84532:0x036cbd53842c5426634e7929541ec2318f3dcf7e:{RailHarness.Payer.Address.ToLowerInvariant()}:{nonce.ToLowerInvariant()}", result.SingleUseKey);
        Assert.Equal("eip155:84532", result.Network);
        var sent = Assert.Single(h.Facilitator.Verified);
        Assert.Equal(2, sent.X402Version);
        Assert.True(PaymentRequirementsComparer.DeepEquals(quote, sent.PaymentRequirements));
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "tampered signature", ReasonCodes.InvalidExactEvmSignature },
        { "signed by someone else", ReasonCodes.InvalidExactEvmSignature },
        { "signed for another chain", ReasonCodes.InvalidExactEvmSignature },
        { "signed for another token name", ReasonCodes.InvalidExactEvmSignature },
        { "high s", ReasonCodes.InvalidExactEvmSignature },
        { "v = 29", ReasonCodes.InvalidExactEvmSignature },
        { "64-byte signature", ReasonCodes.InvalidExactEvmSignature },
        { "wrong payTo", ReasonCodes.InvalidExactEvmRecipientMismatch },
        { "expired", ReasonCodes.InvalidExactEvmPayloadAuthorizationValidBefore },
        { "expires within the 6 s buffer", ReasonCodes.InvalidExactEvmPayloadAuthorizationValidBefore },
        { "not yet valid", ReasonCodes.InvalidExactEvmPayloadAuthorizationValidAfter },
        { "too little", ReasonCodes.InvalidExactEvmAuthorizationValue },
        { "too much", ReasonCodes.InvalidExactEvmAuthorizationValue },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refused_locally_with_the_reference_reason_and_no_facilitator_call(string change, string reason)
    {
        var h = new RailHarness();
        var quote = await h.QuoteAsync();
        var payload = h.Pay(quote, s => change switch
        {
            "tampered signature" => s with { SignatureOverride = sig => { sig[10] ^= 1; return Hex.Encode(sig, withPrefix: true); } },
            "signed by someone else" => s with { Key = DevAccounts.Account2.PrivateKey },
            "signed for another chain" => s with { Domain = s.Domain with { ChainId = 8453 } },
            "signed for another token name" => s with { Domain = s.Domain with { Name = "USD Coin" } },
            "high s" => s with { SignatureOverride = HighS },
            "v = 29" => s with { SignatureOverride = sig => { sig[64] = 29; return Hex.Encode(sig, withPrefix: true); } },
            "64-byte signature" => s with { SignatureOverride = sig => Hex.Encode(sig.AsSpan(0, 64), withPrefix: true) },
            "wrong payTo" => s with { To = EvmAddress.Parse(DevAccounts.Account2.Address) },
            "expired" => s with { ValidBefore = h.Now - 1 },
            "expires within the 6 s buffer" => s with { ValidBefore = h.Now + 5 },
            "not yet valid" => s with { ValidAfter = h.Now + 60 },
            "too little" => s with { Value = s.Value - 1 },
            "too much" => s with { Value = s.Value + 1 },
            _ => throw new ArgumentException(change),
        });

        var result = await h.Rail.VerifyAsync(payload, quote, RailHarness.Context(), default);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.InvalidReason);
        Assert.Empty(h.Facilitator.Verified);
    }

    [Fact]
    public async Task The_time_window_edges_follow_the_reference()
    {
        var h = new RailHarness();
        var quote = await h.QuoteAsync();

        // validBefore == now + 6 and validAfter == now are still acceptable.
        var edge = h.Pay(quote, s => s with { ValidBefore = h.Now + 6, ValidAfter = h.Now });
        Assert.True((await h.Rail.VerifyAsync(edge, quote, RailHarness.Context(), default)).IsValid);

        // The clock moves on: the same authorization is now inside the buffer.
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var later = await h.Rail.VerifyAsync(edge, quote, RailHarness.Context(), default);
        Assert.Equal(ReasonCodes.InvalidExactEvmPayloadAuthorizationValidBefore, later.InvalidReason);
    }

    public static TheoryData<string> Garbage() => new()
    {
        "{}",
        """{"signature":"0x00"}""",
        """{"signature":12,"authorization":{}}""",
        """{"signature":"zz","authorization":{}}""",
        """{"signature":"0x1234","authorization":[]}""",
        """{"signature":"0x1234","authorization":{"from":"0x1","to":"0x2","value":"1","validAfter":"0","validBefore":"1","nonce":"0x00"}}""",
        """{"signature":"0x1234","authorization":{"from":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","to":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","value":10000,"validAfter":"0","validBefore":"1","nonce":"0x00"}}""",
        """{"signature":"0x1234","authorization":{"from":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","to":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","value":"-1","validAfter":"0","validBefore":"1","nonce":"0x00"}}""",
        """{"signature":"0x1234","authorization":{"from":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","to":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","value":"10000","validAfter":"0","validBefore":"1","nonce":"0x1234"}}""",
        """{"signature":"0x1234","authorization":{"from":"0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266","to":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","value":"10000","validAfter":"0","validBefore":"1","nonce":"0x0000000000000000000000000000000000000000000000000000000000000000"}}""",
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Garbage_is_an_invalid_payload_and_costs_no_network_call(string payloadJson)
    {
        var h = new RailHarness();
        var quote = await h.QuoteAsync();
        var payload = new PaymentPayload { X402Version = 2, Accepted = quote, Payload = JsonNode.Parse(payloadJson)!.AsObject() };

        var result = await h.Rail.VerifyAsync(payload, quote, RailHarness.Context(), default);

        Assert.False(result.IsValid);
        Assert.Equal(ReasonCodes.InvalidPayload, result.InvalidReason);
        Assert.Empty(h.Facilitator.Verified);
    }

    [Fact]
    public async Task A_contract_wallet_signature_is_left_to_the_facilitator_when_allowed()
    {
        var h = new RailHarness(o => o.AcceptContractWalletSignatures = true);
        var quote = await h.QuoteAsync();
        var payload = h.Pay(quote, s => s with { Key = DevAccounts.Account2.PrivateKey, SignatureOverride = sig => Hex.Encode([.. sig, .. sig], withPrefix: true) });

        var result = await h.Rail.VerifyAsync(payload, quote, RailHarness.Context(), default);

        Assert.True(result.IsValid);
        Assert.Single(h.Facilitator.Verified);
    }

    [Fact]
    public async Task The_facilitators_refusal_is_passed_on()
    {
        var h = new RailHarness();
        h.Facilitator.OnVerify = _ => FacilitatorVerifyResult.From("fake", new VerifyResponse { IsValid = false, InvalidReason = ReasonCodes.InvalidExactEvmInsufficientBalance });
        var quote = await h.QuoteAsync();

        var result = await h.Rail.VerifyAsync(h.Pay(quote), quote, RailHarness.Context(), default);

        Assert.False(result.IsValid);
        Assert.Equal(ReasonCodes.InvalidExactEvmInsufficientBalance, result.InvalidReason);
        Assert.Equal(RailHarness.Payer.Address, result.Payer);
    }

    [Fact]
    public async Task No_facilitator_answer_fails_closed()
    {
        var h = new RailHarness();
        h.Facilitator.OnVerify = _ => FacilitatorVerifyResult.Unavailable("connection refused");
        var quote = await h.QuoteAsync();

        var result = await h.Rail.VerifyAsync(h.Pay(quote), quote, RailHarness.Context(), default);

        Assert.False(result.IsValid);
        Assert.Equal(ReasonCodes.UnexpectedVerifyError, result.InvalidReason);
        Assert.Equal("", result.SingleUseKey);
    }

    [Fact]
    public async Task A_facilitator_answer_about_another_payer_fails_closed()
    {
        var h = new RailHarness();
        h.Facilitator.OnVerify = _ => FacilitatorVerifyResult.From("fake", new VerifyResponse { IsValid = true, Payer = DevAccounts.Account2.Address });
        var quote = await h.QuoteAsync();

        var result = await h.Rail.VerifyAsync(h.Pay(quote), quote, RailHarness.Context(), default);

        Assert.False(result.IsValid);
        Assert.Equal(ReasonCodes.UnexpectedVerifyError, result.InvalidReason);
    }

    [Fact]
    public async Task A_v1_payload_is_matched_by_scheme_and_network_and_sent_to_the_facilitator_as_v2()
    {
        var h = new RailHarness();
        var quote = await h.QuoteAsync();
        var v2 = h.Pay(quote);
        var v1 = new PaymentPayload { X402Version = 1, Scheme = "exact", Network = "base-sepolia", Payload = v2.Payload };

        var matched = await h.Rail.MatchAsync(v1, RailHarness.Context(), default);
        var result = await h.Rail.VerifyAsync(v1, matched!, RailHarness.Context(), default);

        Assert.True(result.IsValid, result.InvalidReason);
        var sent = Assert.Single(h.Facilitator.Verified);
        Assert.Equal(2, sent.PaymentPayload.X402Version);
        Assert.True(PaymentRequirementsComparer.DeepEquals(quote, sent.PaymentPayload.Accepted));
    }

    private static string HighS(byte[] signature)
    {
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var flipped = (SecpN - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var copy = signature.ToArray();
        Array.Clear(copy, 32, 32);
        flipped.CopyTo(copy, 64 - flipped.Length);
        copy[64] = (byte)(copy[64] == 27 ? 28 : 27);
        return Hex.Encode(copy, withPrefix: true);
    }
}
