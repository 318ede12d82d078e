using System.Globalization;
using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DualRail.Crypto;
using DualRail.Evm;
using DualRail.Evm.Eip3009;
using DualRail.Evm.Eip712;
using DualRail.Networks;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Integration.Tests.Evm.Infrastructure;

/// <summary>
/// The paying side, as the x402 reference client does it (reference/x402.md §2.2): read the 402, sign
/// an EIP-3009 TransferWithAuthorization for the chosen requirement, send it in PAYMENT-SIGNATURE.
/// <see cref="Authorization"/> lets a test change what gets signed and sent.
/// </summary>
internal static class EvmPayer
{
    public static async Task<PaymentRequired> RequireAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        return DecodeRequired(response);
    }

    public static PaymentRequired DecodeRequired(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues(X402Headers.PaymentRequired));
        return X402Json.Deserialize<PaymentRequired>(Convert.FromBase64String(header))!;
    }

    public static PaymentRequirements EvmAccept(PaymentRequired required) =>
        Assert.Single(required.Accepts, a => a.Network.StartsWith("eip155:", StringComparison.Ordinal));

    public static Authorization Draft(PaymentRequirements accepted, DevAccount payer)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var chainId = NetworkId.Parse(accepted.Network).EvmChainId!.Value;
        return new Authorization(
            accepted,
            EvmAddress.Parse(payer.Address),
            EvmAddress.Parse(accepted.PayTo),
            BigInteger.Parse(accepted.Amount, CultureInfo.InvariantCulture),
            now - 600,
            now + accepted.MaxTimeoutSeconds,
            RandomNumberGenerator.GetBytes(32),
            Eip712Domain.ForToken((string)accepted.Extra!["name"]!, (string)accepted.Extra["version"]!, chainId, EvmAddress.Parse(accepted.Asset)),
            payer.PrivateKey);
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(X402Headers.PaymentSignature, header);
        return client.SendAsync(request);
    }

    /// <summary>The decoded reason of a 402 (the PAYMENT-REQUIRED error).</summary>
    public static string? Reason(HttpResponseMessage response) => DecodeRequired(response).Error;

    public static SettleResponse PaymentResponse(HttpResponseMessage response) =>
        X402Json.Deserialize<SettleResponse>(Convert.FromBase64String(Assert.Single(response.Headers.GetValues(X402Headers.PaymentResponse))))!;

    internal sealed record Authorization(
        PaymentRequirements Accepted,
        EvmAddress From,
        EvmAddress To,
        BigInteger Value,
        BigInteger ValidAfter,
        BigInteger ValidBefore,
        byte[] Nonce,
        Eip712Domain Domain,
        string Key)
    {
        public bool TamperSignature { get; init; }

        public string NonceHex => Hex.Encode(Nonce, withPrefix: true);

        public PaymentPayload ToPayload()
        {
            var signature = new TransferWithAuthorization(From, To, Value, ValidAfter, ValidBefore, Nonce).Sign(Domain, Hex.Decode(Key)).ToBytes();
            if (TamperSignature)
                signature[5] ^= 0x40;
            return new PaymentPayload
            {
                X402Version = 2,
                Accepted = Accepted,
                Payload = new JsonObject
                {
                    ["signature"] = Hex.Encode(signature, withPrefix: true),
                    ["authorization"] = new JsonObject
                    {
                        ["from"] = From.ToString(),
                        ["to"] = To.ToString(),
                        ["value"] = Value.ToString(CultureInfo.InvariantCulture),
                        ["validAfter"] = ValidAfter.ToString(CultureInfo.InvariantCulture),
                        ["validBefore"] = ValidBefore.ToString(CultureInfo.InvariantCulture),
                        ["nonce"] = NonceHex,
                    },
                },
            };
        }

        public string ToHeader() => X402HeaderCodec.Encode(ToPayload());

        public byte[] FacilitatorRequestBody() =>
            Encoding.UTF8.GetBytes(X402Json.Serialize(new FacilitatorRequest { PaymentPayload = ToPayload(), PaymentRequirements = Accepted }));
    }
}
