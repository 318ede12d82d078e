using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRail.Evm;
using DualRail.Evm.Abi;
using DualRail.Evm.Eip3009;
using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Http;
using DualRail.Facilitator.Logging;
using DualRail.Facilitator.Options;
using DualRail.Facilitator.Relayer;
using DualRail.Money;
using DualRail.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Facilitator.Verification;

/// <summary>
/// Verifies an <c>exact</c> EIP-3009 payment in the x402 reference order (reference/x402.md §2.3):
/// scheme, EIP-712 domain, network, signature (EOA recovery, else ERC-1271 over eth_call), recipient,
/// validBefore, validAfter, value, then an eth_call simulation with diagnostics.
/// </summary>
internal sealed class ExactEvmVerifier(
    ChainRegistry chains,
    RelayerAccount relayer,
    DeployedCodeCache deployedCode,
    TokenDomains domains,
    TimeProvider time,
    IOptions<FacilitatorOptions> options,
    ILogger<ExactEvmVerifier> logger)
{
    private const string ExactScheme = "exact";

    /// <summary>The checks that need no chain access; also computes the EIP-712 digest.</summary>
    public Inspection Inspect(FacilitatorCall call)
    {
        var requirements = call.Requirements;
        if (call.Payload.EffectiveScheme != ExactScheme || requirements.Scheme != ExactScheme)
            return Inspection.Invalid(ReasonCodes.InvalidExactEvmScheme, "Only the exact scheme is supported.");

        var name = ExtraString(requirements.Extra, "name");
        var version = ExtraString(requirements.Extra, "version");
        if (name is null || version is null)
            return Inspection.Invalid(ReasonCodes.InvalidExactEvmMissingEip712Domain, "paymentRequirements.extra needs the token's EIP-712 name and version.");

        if (call.Payload.EffectiveNetwork != requirements.Network)
            return Inspection.Invalid(ReasonCodes.InvalidExactEvmNetworkMismatch, "The payload's network differs from the requirements' network.");

        if (!chains.TryGet(requirements.Network, out var chain))
            return Inspection.Invalid(ReasonCodes.InvalidNetwork, $"This facilitator does not serve {requirements.Network}.");

        if (!ExactEvmAuthorization.TryParse(call.Payload.Payload, out var authorization, out var payloadError))
            return Inspection.Malformed(ReasonCodes.InvalidPayload, payloadError);
        if (!EvmAddress.TryParse(requirements.Asset, out var asset))
            return Inspection.Malformed(ReasonCodes.InvalidPaymentRequirements, "paymentRequirements.asset must be a token address.");
        if (!AtomicAmount.TryParse(requirements.Amount, out var amount, out var amountError))
            return Inspection.Malformed(ReasonCodes.InvalidPaymentRequirements, "paymentRequirements.amount: " + amountError);

        var digest = Eip3009Codec.TransferWithAuthorizationDigest(domains.Get(name, version, chain.ChainId, asset), authorization);
        var signature = Eip3009Codec.TryUnwrapErc6492(authorization.Signature, out var inner) ? inner : authorization.Signature;
        return Inspection.Ok(new InspectedPayment(call, chain, authorization, asset, name, version, amount, digest, signature));
    }

    /// <summary>The checks after <see cref="Inspect"/>: signature, recipient, time window, value, simulation.</summary>
    public async Task<VerifyResponse> VerifyAsync(InspectedPayment payment, CancellationToken cancellationToken) =>
        (await VerifyAsync(payment, estimateGas: false, cancellationToken)).Response;

    /// <summary>
    /// The same checks for /settle, with eth_estimateGas from the relayer as the simulation: one run
    /// tells both that the transfer would succeed and how much gas it needs, so settling does not
    /// simulate twice. The estimate is null when the payment is not valid.
    /// </summary>
    public Task<(VerifyResponse Response, BigInteger? GasEstimate)> VerifyForSettlementAsync(InspectedPayment payment, CancellationToken cancellationToken) =>
        VerifyAsync(payment, estimateGas: true, cancellationToken);

    private async Task<(VerifyResponse Response, BigInteger? GasEstimate)> VerifyAsync(InspectedPayment payment, bool estimateGas, CancellationToken cancellationToken)
    {
        var network = payment.Chain.Network;
        var authorization = payment.Authorization;

        var signatureFailure = await CheckSignatureAsync(payment, cancellationToken);
        if (signatureFailure is not null)
            return (Invalid(network, payment.Payer, signatureFailure, "The signature does not authorize this transfer for authorization.from."), null);

        if (!EvmAddress.TryParse(payment.Call.Requirements.PayTo, out var payTo) || payTo != authorization.To)
            return (Invalid(network, payment.Payer, ReasonCodes.InvalidExactEvmRecipientMismatch, "authorization.to is not paymentRequirements.payTo."), null);

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (authorization.ValidBefore < now + (long)options.Value.ValidBeforeMargin.TotalSeconds)
            return (Invalid(network, payment.Payer, ReasonCodes.InvalidExactEvmPayloadAuthorizationValidBefore, "The authorization expires too soon (or has expired)."), null);
        if (authorization.ValidAfter > now)
            return (Invalid(network, payment.Payer, ReasonCodes.InvalidExactEvmPayloadAuthorizationValidAfter, "The authorization is not valid yet."), null);

        if (authorization.Value != payment.Amount)
            return (Invalid(network, payment.Payer, ReasonCodes.InvalidExactEvmAuthorizationValue, "authorization.value is not the required amount."), null);

        var (simulationFailure, revertReason, gas) = await SimulateAsync(payment, estimateGas, cancellationToken);
        if (simulationFailure is not null)
            return (Invalid(network, payment.Payer, simulationFailure, "Simulating transferWithAuthorization failed" + (revertReason is null ? "." : $": {revertReason}")), null);

        return (new VerifyResponse { IsValid = true, Payer = payment.Payer }, gas);
    }

    /// <summary>Null when valid, else the reason code.</summary>
    private static async Task<string?> CheckSignatureAsync(InspectedPayment payment, CancellationToken cancellationToken)
    {
        var signature = payment.SettlementSignature;
        var wrapped = !ReferenceEquals(signature, payment.Authorization.Signature);
        if (!wrapped && signature.Length == EthSignature.Length && Eip3009Codec.RecoverSigner(payment.Digest, signature) == payment.Authorization.From)
            return null;

        var code = await payment.Chain.Client.GetCodeAsync(payment.Authorization.From, cancellationToken);
        if (code.Length > 0)
        {
            try
            {
                var answer = await payment.Chain.Client.CallAsync(
                    payment.Authorization.From, Erc1271Calls.IsValidSignature(payment.Digest, signature), null, cancellationToken);
                return Erc1271Calls.IsMagicValue(answer) ? null : ReasonCodes.InvalidExactEvmSignature;
            }
            catch (ContractRevertedException)
            {
                return ReasonCodes.InvalidExactEvmSignature;
            }
        }

        return signature.Length == 65 && !wrapped
            ? ReasonCodes.InvalidExactEvmSignature
            : ReasonCodes.InvalidExactEvmPayloadUndeployedSmartWallet;
    }

    /// <summary>
    /// eth_call (or eth_estimateGas) of transferWithAuthorization from the relayer; on failure,
    /// diagnostics pick the reason.
    /// </summary>
    private async Task<(string? Reason, string? RevertReason, BigInteger? Gas)> SimulateAsync(InspectedPayment payment, bool estimateGas, CancellationToken cancellationToken)
    {
        var client = payment.Chain.Client;
        var callData = Eip3009Codec.TransferWithAuthorizationCall(payment.Authorization, payment.SettlementSignature);
        string? revertReason;
        try
        {
            BigInteger? gas = null;
            if (estimateGas)
                gas = await client.EstimateGasAsync(relayer.Address, payment.Asset, callData, cancellationToken);
            else
                await client.CallAsync(payment.Asset, callData, relayer.Address, cancellationToken);
            // A call to an address without code "succeeds" with empty output.
            if (await deployedCode.HasCodeAsync(payment.Chain, payment.Asset, cancellationToken))
                return (null, null, gas);
            return (ReasonCodes.InvalidExactEvmEip3009NotSupported, null, null);
        }
        catch (ContractRevertedException ex)
        {
            revertReason = ex.Reason;
        }

        var diagnosis = await DiagnoseAsync(payment, cancellationToken) ?? RevertReasons.ToReasonCode(revertReason) ?? ReasonCodes.InvalidExactEvmTransactionSimulationFailed;
        return (diagnosis, revertReason, null);
    }

    /// <summary>What the x402 reference's diagnostic multicall checks, one eth_call each.</summary>
    public static async Task<string?> DiagnoseAsync(InspectedPayment payment, CancellationToken cancellationToken)
    {
        var client = payment.Chain.Client;
        var authorization = payment.Authorization;

        var state = await TryCallAsync(client, payment.Asset, Eip3009Calls.AuthorizationState(authorization.From, authorization.Nonce), cancellationToken);
        if (!TryDecode(state, Eip3009Calls.DecodeAuthorizationState, out var used))
            return ReasonCodes.InvalidExactEvmEip3009NotSupported;
        if (used)
            return ReasonCodes.InvalidExactEvmNonceAlreadyUsed;

        var name = await TryCallAsync(client, payment.Asset, Erc20Calls.Name(), cancellationToken);
        if (TryDecode(name, Erc20Calls.DecodeString, out var tokenName) && tokenName != payment.TokenName)
            return ReasonCodes.InvalidExactEvmTokenNameMismatch;

        var version = await TryCallAsync(client, payment.Asset, Erc20Calls.Version(), cancellationToken);
        if (TryDecode(version, Erc20Calls.DecodeString, out var tokenVersion) && tokenVersion != payment.TokenVersion)
            return ReasonCodes.InvalidExactEvmTokenVersionMismatch;

        var balance = await TryCallAsync(client, payment.Asset, Erc20Calls.BalanceOf(authorization.From), cancellationToken);
        if (TryDecode(balance, Erc20Calls.DecodeUInt256, out var available) && available < authorization.Value)
            return ReasonCodes.InvalidExactEvmInsufficientBalance;

        return null;
    }

    private static bool TryDecode<T>(byte[]? result, Func<ReadOnlySpan<byte>, T> decode, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
    {
        value = default;
        if (result is null)
            return false;
        try
        {
            value = decode(result);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static async Task<byte[]?> TryCallAsync(IEvmChainClient client, EvmAddress to, byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CallAsync(to, data, null, cancellationToken);
        }
        catch (ContractRevertedException)
        {
            return null;
        }
    }

    private static string? ExtraString(JsonObject? extra, string key) =>
        extra?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;

    private VerifyResponse Invalid(string network, string? payer, string reason, string? message)
    {
        FacilitatorLog.VerifyRejected(logger, network, payer, reason);
        return new VerifyResponse { IsValid = false, InvalidReason = reason, InvalidMessage = message, Payer = payer };
    }
}
