namespace DualRail.Facilitator.Settlement;

/// <summary>
/// What the facilitator did with one authorization, keyed by chain + token + from + nonce.
/// <see cref="AuthorizationHash"/> is the EIP-712 digest, so a different authorization that reuses
/// the nonce is never answered with this record's transaction.
/// </summary>
public sealed record SettlementRecord
{
    public required string Key { get; init; }

    public required string AuthorizationHash { get; init; }

    public required string Network { get; init; }

    public required string Payer { get; init; }

    public required string Transaction { get; init; }

    public required SettlementStatus Status { get; init; }

    public string? ErrorReason { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The single-use key of an EIP-3009 authorization: chain id, token, from and nonce (lowercase hex).</summary>
    public static string KeyOf(long chainId, string token, string from, string nonce) =>
        FormattableString.Invariant($"{chainId}:{token.ToLowerInvariant()}:{from.ToLowerInvariant()}:{nonce.ToLowerInvariant()}");
}
