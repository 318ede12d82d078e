using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using DualRail.TestSupport;

namespace DualRail.Facilitator.Tests.Support;

/// <summary>
/// One x402 exact/EIP-3009 payment as a facilitator request body. Defaults give a valid payment;
/// each test changes the one thing it is about. The signature comes from Anvil's eth_signTypedData_v4.
/// </summary>
public sealed record PaymentScenario
{
    public required AnvilProcess Anvil { get; init; }

    public required string Token { get; init; }

    /// <summary>The key that signs (a dev account Anvil holds).</summary>
    public required DevAccount Signer { get; init; }

    /// <summary>authorization.from; defaults to the signer (a contract wallet's address otherwise).</summary>
    public string? From { get; init; }

    public required string PayTo { get; init; }

    /// <summary>authorization.to; defaults to <see cref="PayTo"/>.</summary>
    public string? To { get; init; }

    public BigInteger Amount { get; init; } = 10_000;

    /// <summary>authorization.value; defaults to <see cref="Amount"/>.</summary>
    public BigInteger? Value { get; init; }

    public long? ValidAfter { get; init; }

    public long? ValidBefore { get; init; }

    public string Nonce { get; init; } = TestAuthorization.NewNonce();

    public string Scheme { get; init; } = "exact";

    public string? PayloadScheme { get; init; }

    public string? Network { get; init; }

    public string? PayloadNetwork { get; init; }

    /// <summary>The EIP-712 domain in the requirements' extra (and the one signed with).</summary>
    public string? TokenName { get; init; } = "USDC";

    public string? TokenVersion { get; init; } = "2";

    /// <summary>Replaces the signature hex (for tampering).</summary>
    public Func<string, string>? TamperSignature { get; init; }

    public string EffectiveFrom => From ?? Signer.Address;

    public TestAuthorization Authorization(long now) => new(
        EffectiveFrom,
        To ?? PayTo,
        Value ?? Amount,
        ValidAfter ?? now - 600,
        ValidBefore ?? now + 300,
        Nonce);

    public JsonObject Requirements() => new()
    {
        ["scheme"] = Scheme,
        ["network"] = Network ?? Anvil.Network,
        ["amount"] = Amount.ToString(CultureInfo.InvariantCulture),
        ["asset"] = Token,
        ["payTo"] = PayTo,
        ["maxTimeoutSeconds"] = 300,
        ["extra"] = Extra(),
    };

    public async Task<JsonObject> BuildBodyAsync()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var authorization = Authorization(now);
        var signature = (await authorization.SignAsync(Anvil.Rpc, Signer.Address, Anvil.ChainId, Token, TokenName ?? "USDC", TokenVersion ?? "2")).Hex;
        if (TamperSignature is not null)
            signature = TamperSignature(signature);

        var accepted = Requirements();
        accepted["scheme"] = PayloadScheme ?? Scheme;
        accepted["network"] = PayloadNetwork ?? Network ?? Anvil.Network;
        return new JsonObject
        {
            ["x402Version"] = 2,
            ["paymentPayload"] = new JsonObject
            {
                ["x402Version"] = 2,
                ["accepted"] = accepted,
                ["payload"] = new JsonObject { ["signature"] = signature, ["authorization"] = authorization.ToX402Json() },
            },
            ["paymentRequirements"] = Requirements(),
        };
    }

    private JsonObject Extra()
    {
        var extra = new JsonObject();
        if (TokenName is not null)
            extra["name"] = TokenName;
        if (TokenVersion is not null)
            extra["version"] = TokenVersion;
        return extra;
    }
}
