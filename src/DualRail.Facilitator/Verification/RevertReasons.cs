using DualRail.Protocol;

namespace DualRail.Facilitator.Verification;

/// <summary>
/// Maps a USDC / EIP-3009 revert string to its x402 reason code, by substring as the x402 reference
/// facilitator does (reference/evm.md §5).
/// </summary>
internal static class RevertReasons
{
    public static string? ToReasonCode(string? revertReason) => revertReason switch
    {
        null => null,
        _ when revertReason.Contains("authorization is expired", StringComparison.Ordinal) => ReasonCodes.InvalidExactEvmPayloadAuthorizationValidBefore,
        _ when revertReason.Contains("not yet valid", StringComparison.Ordinal) => ReasonCodes.InvalidExactEvmPayloadAuthorizationValidAfter,
        _ when revertReason.Contains("authorization is used", StringComparison.Ordinal) => ReasonCodes.InvalidExactEvmNonceAlreadyUsed,
        _ when revertReason.Contains("transfer amount exceeds balance", StringComparison.Ordinal) => ReasonCodes.InvalidExactEvmInsufficientBalance,
        _ when revertReason.Contains("invalid signature", StringComparison.Ordinal) => ReasonCodes.InvalidExactEvmSignature,
        _ => null,
    };
}
