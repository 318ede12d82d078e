namespace DualRail.Lightning.Bolt11;

/// <summary>A decoded, signature-checked BOLT #11 payment request.</summary>
public sealed class Bolt11Invoice
{
    /// <summary>Expiry when the invoice has no <c>x</c> field.</summary>
    public const long DefaultExpirySeconds = 3600;

    /// <summary><c>min_final_cltv_expiry_delta</c> when the invoice has no <c>c</c> field.</summary>
    public const long DefaultMinFinalCltvExpiryDelta = 18;

    /// <summary>The invoice as decoded, in lower case.</summary>
    public required string PaymentRequest { get; init; }

    public required Bolt11Network Network { get; init; }

    /// <summary>The amount asked for in millisatoshis; null means any amount.</summary>
    public required long? AmountMsat { get; init; }

    /// <summary>Creation time, unix seconds.</summary>
    public required long Timestamp { get; init; }

    /// <summary>The 32-byte payment hash (<c>p</c>).</summary>
    public required byte[] PaymentHash { get; init; }

    /// <summary>The 32-byte payment secret (<c>s</c>).</summary>
    public required byte[] PaymentSecret { get; init; }

    /// <summary>The description (<c>d</c>), or null when the invoice commits to a hash instead.</summary>
    public required string? Description { get; init; }

    /// <summary>SHA-256 of a description kept elsewhere (<c>h</c>), or null.</summary>
    public required byte[]? DescriptionHash { get; init; }

    /// <summary>The 33-byte payee node id: the <c>n</c> field when present, otherwise recovered from the signature.</summary>
    public required byte[] PayeePublicKey { get; init; }

    /// <summary>True when the payee came from an <c>n</c> field rather than key recovery.</summary>
    public required bool HasExplicitPayee { get; init; }

    /// <summary>Seconds after <see cref="Timestamp"/> that the invoice stays payable (<c>x</c>, default 3600).</summary>
    public required long ExpirySeconds { get; init; }

    /// <summary>The <c>c</c> field, default 18.</summary>
    public required long MinFinalCltvExpiryDelta { get; init; }

    public required IReadOnlyList<Bolt11FallbackAddress> FallbackAddresses { get; init; }

    public required IReadOnlyList<Bolt11RouteHint> RouteHints { get; init; }

    public required Bolt11Features Features { get; init; }

    /// <summary>The <c>m</c> field, or null.</summary>
    public required byte[]? Metadata { get; init; }

    /// <summary>The 64-byte compact signature r || s.</summary>
    public required byte[] Signature { get; init; }

    public required int RecoveryId { get; init; }

    public string PaymentHashHex => Convert.ToHexStringLower(PaymentHash);

    public string PayeePublicKeyHex => Convert.ToHexStringLower(PayeePublicKey);

    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    /// <summary>When the invoice stops being payable (clamped to the largest date .NET represents).</summary>
    public DateTimeOffset ExpiresAt
    {
        get
        {
            var maxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
            return ExpirySeconds > maxSeconds - Timestamp
                ? DateTimeOffset.MaxValue
                : DateTimeOffset.FromUnixTimeSeconds(Timestamp + ExpirySeconds);
        }
    }

    /// <summary>True once timestamp + expiry has passed: payers should not pay and payees should not accept.</summary>
    public bool IsExpired(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return timeProvider.GetUtcNow() >= ExpiresAt;
    }

    /// <summary>True when <paramref name="publicKey"/> (33-byte compressed) is the payee that signed the invoice.</summary>
    public bool IsPayee(ReadOnlySpan<byte> publicKey) => publicKey.SequenceEqual(PayeePublicKey);
}
