namespace DualRail.Protocol;

/// <summary>
/// The reason codes of x402 (invalidReason / errorReason), verbatim from the spec and the reference
/// implementations, plus DualRail's own codes (Lightning and replay), which are documented in the README.
/// </summary>
public static class ReasonCodes
{
    // Core spec §9 (v2; v1 uses InvalidExactEvmPayloadAuthorizationValue instead of ..ValueMismatch).
    public const string InsufficientFunds = "insufficient_funds";
    public const string InvalidExactEvmPayloadAuthorizationValidAfter = "invalid_exact_evm_payload_authorization_valid_after";
    public const string InvalidExactEvmPayloadAuthorizationValidBefore = "invalid_exact_evm_payload_authorization_valid_before";
    public const string InvalidExactEvmPayloadAuthorizationValueMismatch = "invalid_exact_evm_payload_authorization_value_mismatch";
    public const string InvalidExactEvmPayloadAuthorizationValue = "invalid_exact_evm_payload_authorization_value";
    public const string InvalidExactEvmPayloadSignature = "invalid_exact_evm_payload_signature";
    public const string InvalidExactEvmPayloadRecipientMismatch = "invalid_exact_evm_payload_recipient_mismatch";
    public const string InvalidNetwork = "invalid_network";
    public const string InvalidPayload = "invalid_payload";
    public const string InvalidPaymentRequirements = "invalid_payment_requirements";
    public const string InvalidScheme = "invalid_scheme";
    public const string UnsupportedScheme = "unsupported_scheme";
    public const string InvalidX402Version = "invalid_x402_version";
    public const string InvalidTransactionState = "invalid_transaction_state";
    public const string UnexpectedVerifyError = "unexpected_verify_error";
    public const string UnexpectedSettleError = "unexpected_settle_error";

    // TS v2 EVM exact (general).
    public const string InvalidExactEvmScheme = "invalid_exact_evm_scheme";
    public const string InvalidExactEvmNetworkMismatch = "invalid_exact_evm_network_mismatch";
    public const string InvalidExactEvmMissingEip712Domain = "invalid_exact_evm_missing_eip712_domain";
    public const string InvalidExactEvmRecipientMismatch = "invalid_exact_evm_recipient_mismatch";
    public const string InvalidExactEvmSignature = "invalid_exact_evm_signature";
    public const string InvalidExactEvmAuthorizationValue = "invalid_exact_evm_authorization_value";
    public const string InvalidExactEvmPayloadUndeployedSmartWallet = "invalid_exact_evm_payload_undeployed_smart_wallet";
    public const string InvalidExactEvmTransactionFailed = "invalid_exact_evm_transaction_failed";

    // TS v2 EVM exact (EIP-3009).
    public const string InvalidExactEvmTokenNameMismatch = "invalid_exact_evm_token_name_mismatch";
    public const string InvalidExactEvmTokenVersionMismatch = "invalid_exact_evm_token_version_mismatch";
    public const string InvalidExactEvmEip3009NotSupported = "invalid_exact_evm_eip3009_not_supported";
    public const string InvalidExactEvmNonceAlreadyUsed = "invalid_exact_evm_nonce_already_used";
    public const string InvalidExactEvmInsufficientBalance = "invalid_exact_evm_insufficient_balance";
    public const string InvalidExactEvmTransactionSimulationFailed = "invalid_exact_evm_transaction_simulation_failed";

    // TS v2 Permit2 (verify and settle).
    public const string InvalidPermit2Spender = "invalid_permit2_spender";
    public const string InvalidPermit2RecipientMismatch = "invalid_permit2_recipient_mismatch";
    public const string Permit2DeadlineExpired = "permit2_deadline_expired";
    public const string Permit2NotYetValid = "permit2_not_yet_valid";
    public const string Permit2AmountMismatch = "permit2_amount_mismatch";
    public const string Permit2TokenMismatch = "permit2_token_mismatch";
    public const string InvalidPermit2Signature = "invalid_permit2_signature";
    public const string Permit2AllowanceRequired = "permit2_allowance_required";
    public const string Permit2SimulationFailed = "permit2_simulation_failed";
    public const string Permit2InsufficientBalance = "permit2_insufficient_balance";
    public const string Permit2ProxyNotDeployed = "permit2_proxy_not_deployed";
    public const string Permit2InvalidAmount = "permit2_invalid_amount";
    public const string Permit2InvalidDestination = "permit2_invalid_destination";
    public const string Permit2InvalidOwner = "permit2_invalid_owner";
    public const string Permit2PaymentTooEarly = "permit2_payment_too_early";
    public const string Permit2InvalidNonce = "permit2_invalid_nonce";
    public const string Permit2Eip2612AmountMismatch = "permit2_2612_amount_mismatch";

    // Shared settle codes and hooks.
    public const string UnsupportedPayloadType = "unsupported_payload_type";
    public const string BeforeVerifyHookError = "before_verify_hook_error";
    public const string BeforeSettleHookError = "before_settle_hook_error";
    public const string SettlementPending = "settlement_pending";

    // Legacy v1 list.
    public const string InvalidPayment = "invalid_payment";
    public const string PaymentExpired = "payment_expired";
    public const string DuplicateSettlement = "duplicate_settlement";

    // DualRail: Lightning (preimage proof) and replay.
    /// <summary>sha256(preimage) is not the payment hash, or the preimage is not 32 bytes of hex.</summary>
    public const string InvalidLightningPreimage = "invalid_lightning_preimage";
    /// <summary>The payment hash is not an invoice this server minted.</summary>
    public const string InvalidLightningInvoiceUnknown = "invalid_lightning_invoice_unknown";
    /// <summary>The invoice expired before it was paid.</summary>
    public const string InvalidLightningInvoiceExpired = "invalid_lightning_invoice_expired";
    /// <summary>LND does not (yet) report the invoice as settled.</summary>
    public const string InvalidLightningInvoiceNotSettled = "invalid_lightning_invoice_not_settled";
    /// <summary>The invoice was minted for another resource or price.</summary>
    public const string InvalidLightningInvoiceMismatch = "invalid_lightning_invoice_mismatch";
    /// <summary>The payment's single-use key was already reserved or served (a replay).</summary>
    public const string PaymentAlreadyUsed = "payment_already_used";
}
