using DualRail.Protocol;

namespace DualRail.Evm.Rail;

/// <summary>
/// The local checks of an <c>exact</c> EVM payment, in the reference facilitator's order
/// (reference/x402.md §2.3) with its reason codes, so that garbage costs no facilitator round trip:
/// decode, signature shape and signer, recipient, validBefore ≥ now + 6 s, validAfter ≤ now, value.
/// </summary>
internal sealed class ExactEvmPrecheck(EvmRailSettings settings, TimeProvider time)
{
    /// <summary>Seconds of slack the reference facilitator keeps before validBefore (about one block).</summary>
    public const int ValidBeforeBufferSeconds = 6;

    /// <summary>One instance, so its domain separator is computed once.</summary>
    private readonly Eip712.Eip712Domain _domain = settings.Domain;

    public PrecheckResult Check(PaymentPayload payload, PaymentRequirements requirements)
    {
        if (!string.Equals(requirements.Scheme, EvmRailSettings.Scheme, StringComparison.Ordinal)
            || !string.Equals(payload.EffectiveScheme, EvmRailSettings.Scheme, StringComparison.Ordinal))
            return PrecheckResult.Refuse(ReasonCodes.InvalidExactEvmScheme, "Only the exact scheme is sold on this rail.");
        if (!string.Equals(payload.EffectiveNetwork, requirements.Network, StringComparison.Ordinal))
            return PrecheckResult.Refuse(ReasonCodes.InvalidExactEvmNetworkMismatch, "The payment is for another network.");
        if (!ExactEvmPayload.TryParse(payload.Payload, out var parsed, out var error))
            return PrecheckResult.Refuse(ReasonCodes.InvalidPayload, error);

        var authorization = parsed.Authorization;
        var signatureRefusal = CheckSignature(parsed);
        if (signatureRefusal is not null)
            return PrecheckResult.Refuse(ReasonCodes.InvalidExactEvmSignature, signatureRefusal, parsed);
        if (authorization.To != settings.PayTo)
            return PrecheckResult.Refuse(ReasonCodes.InvalidExactEvmRecipientMismatch, "authorization.to is not this server's payTo.", parsed);

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (authorization.ValidBefore < now + ValidBeforeBufferSeconds)
            return PrecheckResult.Refuse(ReasonCodes.InvalidExactEvmPayloadAuthorizationValidBefore, "The authorization has expired or expires too soon to settle.", parsed);
        if (authorization.ValidAfter > now)
            return PrecheckResult.Refuse(ReasonCodes.InvalidExactEvmPayloadAuthorizationValidAfter, "The authorization is not valid yet.", parsed);
        if (authorization.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) != requirements.Amount)
            return PrecheckResult.Refuse(ReasonCodes.InvalidExactEvmAuthorizationValue, "authorization.value is not the price.", parsed);

        return PrecheckResult.Pass(parsed);
    }

    /// <summary>Null when the signature is acceptable, else why not.</summary>
    private string? CheckSignature(ExactEvmPayload payment)
    {
        if (payment.Signature.Length != EthSignature.Length)
        {
            return settings.AcceptContractWalletSignatures
                ? null // a contract wallet's signature: the facilitator asks the wallet (ERC-1271)
                : $"The signature is {payment.Signature.Length} bytes; a wallet signature is 65 (contract wallets are not accepted here).";
        }

        if (!EthSignature.TryFromBytes(payment.Signature, out var signature, out _, out var message))
            return message;

        var signer = payment.Authorization.RecoverSigner(_domain, signature);
        if (signer == payment.Authorization.From)
            return null;
        return settings.AcceptContractWalletSignatures
            ? null
            : "The signature was not made by authorization.from for this token, chain and authorization.";
    }
}
