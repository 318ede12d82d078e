using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DualRail.Client.Payers;
using DualRail.Crypto;
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
        Address = AddressOf(_privateKey);
    }

    public string Rail => "evm";

    /// <summary>The payer's address (0x, lower case).</summary>
    public string Address { get; }

    public bool CanPay(PaymentRequirements requirements) =>
        requirements.Scheme == "exact"
        && NetworkId.TryParse(requirements.Network, out var network)
        && network.EvmChainId is not null
        && AtomicAmount.TryParse(requirements.Amount, out _)
        && IsAddress(requirements.Asset)
        && IsAddress(requirements.PayTo)
        && requirements.Extra?["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
        && requirements.Extra?["version"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
        && (requirements.Extra?["assetTransferMethod"] is null
            || (string?)requirements.Extra["assetTransferMethod"] == "eip3009");

    public ValueTask<JsonObject> CreatePayloadAsync(PaymentRequirements requirements, CancellationToken cancellationToken)
    {
        if (!CanPay(requirements))
            throw new PaymentFailedException(Rail, $"Cannot pay {requirements.Scheme} on {requirements.Network} with an EIP-3009 authorization.");

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var authorization = new TransferAuthorization(
            Address,
            requirements.PayTo,
            AtomicAmount.Parse(requirements.Amount).Value,
            now - ValidAfterSlackSeconds,
            now + requirements.MaxTimeoutSeconds,
            RandomNumberGenerator.GetBytes(32));
        var chainId = NetworkId.Parse(requirements.Network).EvmChainId!.Value;
        var digest = TransferAuthorizationSigner.Digest(
            authorization, (string)requirements.Extra!["name"]!, (string)requirements.Extra["version"]!, chainId, requirements.Asset);
        var signature = TransferAuthorizationSigner.Sign(digest, _privateKey);

        var payload = new JsonObject
        {
            ["signature"] = Hex.Encode(signature, withPrefix: true),
            ["authorization"] = new JsonObject
            {
                ["from"] = authorization.From,
                ["to"] = authorization.To,
                ["value"] = authorization.Value.ToString(CultureInfo.InvariantCulture),
                ["validAfter"] = authorization.ValidAfter.ToString(CultureInfo.InvariantCulture),
                ["validBefore"] = authorization.ValidBefore.ToString(CultureInfo.InvariantCulture),
                ["nonce"] = Hex.Encode(authorization.Nonce, withPrefix: true),
            },
        };
        return ValueTask.FromResult(payload);
    }

    private static string AddressOf(byte[] privateKey)
    {
        var publicKey = Secp256k1.GetPublicKey(privateKey, compressed: false);
        var hash = Keccak256.Hash(publicKey.AsSpan(1));
        return Hex.Encode(hash.AsSpan(12), withPrefix: true);
    }

    private static bool IsAddress(string? text) => Hex.TryDecode(text, out var bytes) && bytes.Length == 20 && text!.StartsWith("0x", StringComparison.Ordinal);
}
