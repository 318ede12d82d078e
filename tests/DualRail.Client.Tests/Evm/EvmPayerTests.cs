using System.Numerics;
using DualRail.Client.Evm;
using DualRail.Client.Tests.Policy;
using DualRail.Evm;
using DualRail.Evm.Eip3009;
using DualRail.Evm.Eip712;
using DualRail.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace DualRail.Client.Tests.Evm;

public sealed class EvmPayerTests
{
    // Anvil dev account 1 (a public test key).
    private const string PayerKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static readonly PaymentRequirements Offer = SpendPolicyTests.Usdc("10000") with
    {
        Extra = new System.Text.Json.Nodes.JsonObject { ["name"] = "USDC", ["version"] = "2" },
    };

    [Fact]
    public async Task Signs_an_authorization_the_token_would_accept()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var payer = new EvmPayer(new EvmPayerOptions { PrivateKey = PayerKey }, clock);

        var payload = await payer.CreatePayloadAsync(Offer, CancellationToken.None);

        var authorization = payload["authorization"]!;
        Assert.Equal("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", (string?)authorization["from"]);
        Assert.Equal("10000", (string?)authorization["value"]);
        Assert.Equal("1799999400", (string?)authorization["validAfter"]);
        Assert.Equal("1800000060", (string?)authorization["validBefore"]);
        Assert.Equal(66, ((string)authorization["nonce"]!).Length);
        var transfer = new TransferWithAuthorization(
            EvmAddress.Parse((string)authorization["from"]!), EvmAddress.Parse((string)authorization["to"]!),
            BigInteger.Parse((string)authorization["value"]!), BigInteger.Parse((string)authorization["validAfter"]!),
            BigInteger.Parse((string)authorization["validBefore"]!), DualRail.Crypto.Hex.Decode((string)authorization["nonce"]!));
        var domain = Eip712Domain.ForToken("USDC", "2", 84532, EvmAddress.Parse(Offer.Asset));
        Assert.Equal(payer.Address, transfer.RecoverSigner(domain, EthSignature.Parse((string)payload["signature"]!)));
    }

    [Fact]
    public async Task Every_payment_gets_a_fresh_nonce()
    {
        var payer = new EvmPayer(new EvmPayerOptions { PrivateKey = PayerKey });

        var first = await payer.CreatePayloadAsync(Offer, CancellationToken.None);
        var second = await payer.CreatePayloadAsync(Offer, CancellationToken.None);

        Assert.NotEqual((string?)first["authorization"]!["nonce"], (string?)second["authorization"]!["nonce"]);
    }

    [Fact]
    public void Cannot_pay_without_the_tokens_EIP712_domain_or_on_other_schemes()
    {
        var payer = new EvmPayer(new EvmPayerOptions { PrivateKey = PayerKey });

        Assert.True(payer.CanPay(Offer));
        Assert.False(payer.CanPay(Offer with { Extra = null }));
        Assert.False(payer.CanPay(Offer with { Scheme = "upto" }));
        Assert.False(payer.CanPay(SpendPolicyTests.Msat("1000")));
    }

    [Fact]
    public void A_bad_key_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EvmPayer(new EvmPayerOptions { PrivateKey = "0xnothex-secret" }));
        Assert.DoesNotContain("secret", error.Message);
    }
}
