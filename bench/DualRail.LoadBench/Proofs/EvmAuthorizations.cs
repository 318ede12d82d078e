using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DualRail.Crypto;
using DualRail.Evm;
using DualRail.Evm.Eip3009;
using DualRail.Evm.Eip712;
using DualRail.Networks;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.LoadBench.Proofs;

/// <summary>Pre-signed, unique EIP-3009 authorizations (fresh random nonces) for one requirement, as v2 PAYMENT-SIGNATURE headers.</summary>
internal static class EvmAuthorizations
{
    public static IReadOnlyList<string> Headers(PaymentRequirements accepted, DevAccount payer, int count) =>
        Payloads(accepted, payer, count).Select(X402HeaderCodec.Encode).ToArray();

    public static IReadOnlyList<PaymentPayload> Payloads(PaymentRequirements accepted, DevAccount payer, int count)
    {
        var chainId = NetworkId.Parse(accepted.Network).EvmChainId!.Value;
        var domain = Eip712Domain.ForToken((string)accepted.Extra!["name"]!, (string)accepted.Extra["version"]!, chainId, EvmAddress.Parse(accepted.Asset));
        var from = EvmAddress.Parse(payer.Address);
        var to = EvmAddress.Parse(accepted.PayTo);
        var value = BigInteger.Parse(accepted.Amount, CultureInfo.InvariantCulture);
        var key = Hex.Decode(payer.PrivateKey);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var validAfter = new BigInteger(now - 600);
        var validBefore = new BigInteger(now + 3600);
        var payloads = new PaymentPayload[count];
        Parallel.For(0, count, i =>
        {
            var nonce = RandomNumberGenerator.GetBytes(32);
            var signature = new TransferWithAuthorization(from, to, value, validAfter, validBefore, nonce).Sign(domain, key).ToBytes();
            payloads[i] = new PaymentPayload
            {
                X402Version = 2,
                Accepted = accepted,
                Payload = new JsonObject
                {
                    ["signature"] = Hex.Encode(signature, withPrefix: true),
                    ["authorization"] = new JsonObject
                    {
                        ["from"] = from.ToString(),
                        ["to"] = to.ToString(),
                        ["value"] = value.ToString(CultureInfo.InvariantCulture),
                        ["validAfter"] = validAfter.ToString(CultureInfo.InvariantCulture),
                        ["validBefore"] = validBefore.ToString(CultureInfo.InvariantCulture),
                        ["nonce"] = Hex.Encode(nonce, withPrefix: true),
                    },
                },
            };
        });
        return payloads;
    }
}
