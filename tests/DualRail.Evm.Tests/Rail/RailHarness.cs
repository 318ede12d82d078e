using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DualRail.Crypto;
using DualRail.Evm.Eip3009;
using DualRail.Evm.Eip712;
using DualRail.Evm.Rail;
using DualRail.Money;
using DualRail.Networks;
using DualRail.Protocol;
using DualRail.Rails;
using DualRail.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DualRail.Evm.Tests.Rail;

/// <summary>An <see cref="EvmRail"/> on Base Sepolia with a fake facilitator and clock, and a payer that signs like the reference client.</summary>
internal sealed class RailHarness
{
    public static readonly DevAccount Payer = DevAccounts.Account0;
    public static readonly DevAccount Merchant = DevAccounts.Account1;

    public RailHarness(Action<EvmRailOptions>? configure = null, IExchangeRateProvider? rates = null)
    {
        Options = new EvmRailOptions { Network = "eip155:84532", PayTo = Merchant.Address };
        configure?.Invoke(Options);
        Rail = new EvmRail(Microsoft.Extensions.Options.Options.Create(Options), new NetworkRegistry(), Facilitator, Time, NullLogger<EvmRail>.Instance, rates);
    }

    public EvmRailOptions Options { get; }

    public FakeFacilitatorClient Facilitator { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(1_790_000_000));

    public EvmRail Rail { get; }

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public static PaymentContext Context(string price = "$0.01") => new()
    {
        ResourceKey = "GET /api/demo",
        ResourceUrl = "http://127.0.0.1/api/demo",
        Price = Money.Price.Parse(price),
    };

    public async Task<PaymentRequirements> QuoteAsync(string price = "$0.01") => Assert.Single(await Rail.QuoteAsync(Context(price), default));

    /// <summary>Signs an authorization for <paramref name="requirements"/> as the reference client does, then lets <paramref name="tamper"/> change the parts.</summary>
    public PaymentPayload Pay(PaymentRequirements requirements, Func<Signing, Signing>? tamper = null)
    {
        var signing = new Signing(
            EvmAddress.Parse(Payer.Address),
            EvmAddress.Parse(requirements.PayTo),
            BigInteger.Parse(requirements.Amount, CultureInfo.InvariantCulture),
            Now - 600,
            Now + requirements.MaxTimeoutSeconds,
            RandomNumberGenerator.GetBytes(32),
            Eip712Domain.ForToken((string)requirements.Extra!["name"]!, (string)requirements.Extra["version"]!, 84532, EvmAddress.Parse(requirements.Asset)),
            Payer.PrivateKey);
        signing = tamper?.Invoke(signing) ?? signing;
        return signing.ToPayload(requirements);
    }

    internal sealed record Signing(EvmAddress From, EvmAddress To, BigInteger Value, BigInteger ValidAfter, BigInteger ValidBefore, byte[] Nonce, Eip712Domain Domain, string Key)
    {
        public Func<byte[], string>? SignatureOverride { get; init; }

        public PaymentPayload ToPayload(PaymentRequirements requirements)
        {
            var authorization = new TransferWithAuthorization(From, To, Value, ValidAfter, ValidBefore, Nonce);
            var signature = authorization.Sign(Domain, Hex.Decode(Key)).ToBytes();
            return new PaymentPayload
            {
                X402Version = 2,
                Accepted = requirements,
                Payload = new JsonObject
                {
                    ["signature"] = SignatureOverride?.Invoke(signature) ?? Hex.Encode(signature, withPrefix: true),
                    ["authorization"] = new JsonObject
                    {
                        ["from"] = From.ToString(),
                        ["to"] = To.ToString(),
                        ["value"] = Value.ToString(CultureInfo.InvariantCulture),
                        ["validAfter"] = ValidAfter.ToString(CultureInfo.InvariantCulture),
                        ["validBefore"] = ValidBefore.ToString(CultureInfo.InvariantCulture),
                        ["nonce"] = Hex.Encode(Nonce, withPrefix: true),
                    },
                },
            };
        }
    }
}
