using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRail.Client.Payers;
using DualRail.Crypto;
using DualRail.Evm;
using DualRail.Evm.Eip3009;
using DualRail.Evm.Eip712;
using DualRail.Money;
using DualRail.Networks;
using DualRail.Protocol;

namespace DualRail.Client.Evm;

/// <summary>
/// Pays the x402 <c>exact</c> scheme on EVM chains by signing an EIP-3009 TransferWithAuthorization
/// (validAfter = now - 600 s, validBefore = now + maxTimeoutSeconds, a random 32-byte nonce). It sends no
/// transaction: the server's facilitator settles.
/// </summary>
public sealed class EvmPayer : IPaymentPayer
{
    private const int ValidAfterSlackSeconds = 600;
    private readonly byte[] _privateKey;
    private readonly TimeProvider _timeProvider;

    public EvmPayer(EvmPayerOptions options, TimeProvider? timeProvider = null)
    {
        _privateKey = options.LoadPrivateKey();
        _timeProvider = timeProvider ?? TimeProvider.System;
        Address = EvmAddress.FromPrivateKey(_privateKey);
    }

    public string Rail => "evm";

    /// <summary>The payer's address.</summary>
    public EvmAddress Address { get; }

    public bool CanPay(PaymentRequirements requirements) =>
        requirements.Scheme == "exact"
        && NetworkId.TryParse(requirements.Network, out var network)
        && network.EvmChainId is not null
        && AtomicAmount.TryParse(requirements.Amount, out _)
        && EvmAddress.TryParse(requirements.Asset, out _)
        && EvmAddress.TryParse(requirements.PayTo, out _)
        && requirements.Extra?["name"]?.GetValueKind() == JsonValueKind.String
        && requirements.Extra?["version"]?.GetValueKind() == JsonValueKind.String
        && (requirements.Extra?["assetTransferMethod"] is null
            || (requirements.Extra["assetTransferMethod"]!.GetValueKind() == JsonValueKind.String
                && (string?)requirements.Extra["assetTransferMethod"] == "eip3009"));

    public ValueTask<JsonObject> CreatePayloadAsync(PaymentRequirements requirements, CancellationToken cancellationToken)
    {
        if (!CanPay(requirements))
            throw new PaymentFailedException(Rail, $"Cannot pay {requirements.Scheme} on {requirements.Network} with an EIP-3009 authorization.");

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var authorization = new TransferWithAuthorization(
            Address,
            EvmAddress.Parse(requirements.PayTo),
            AtomicAmount.Parse(requirements.Amount).Value,
            now - ValidAfterSlackSeconds,
            now + requirements.MaxTimeoutSeconds,
            RandomNumberGenerator.GetBytes(32));
        var domain = Eip712Domain.ForToken(
            (string)requirements.Extra!["name"]!,
            (string)requirements.Extra["version"]!,
            NetworkId.Parse(requirements.Network).EvmChainId!.Value,
            EvmAddress.Parse(requirements.Asset));
        var signature = authorization.Sign(domain, _privateKey);

        var payload = new JsonObject
        {
            ["signature"] = signature.ToHex(),
            ["authorization"] = new JsonObject
            {
                ["from"] = authorization.From.ToString(),
                ["to"] = authorization.To.ToString(),
                ["value"] = authorization.Value.ToString(CultureInfo.InvariantCulture),
                ["validAfter"] = authorization.ValidAfter.ToString(CultureInfo.InvariantCulture),
                ["validBefore"] = authorization.ValidBefore.ToString(CultureInfo.InvariantCulture),
                ["nonce"] = Hex.Encode(authorization.Nonce, withPrefix: true),
            },
        };
        return ValueTask.FromResult(payload);
    }
}
