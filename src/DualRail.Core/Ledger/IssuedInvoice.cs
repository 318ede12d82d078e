using DualRail.Protocol;

namespace DualRail.Ledger;

/// <summary>A Lightning invoice this server minted for a 402, bound to the resource and price.</summary>
public sealed record IssuedInvoice
{
    /// <summary>Lower-case hex sha256 payment hash.</summary>
    public required string PaymentHash { get; init; }

    public required string ResourceKey { get; init; }

    public required long AmountMsat { get; init; }

    /// <summary>bip122 CAIP-2 id.</summary>
    public required string Network { get; init; }

    public required string Bolt11 { get; init; }

    /// <summary>The node identity pubkey (hex).</summary>
    public required string PayTo { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? SettledAt { get; init; }

    /// <summary>The accepts entry as issued (what a v2 accepted must deep-equal).</summary>
    public required PaymentRequirements Requirements { get; init; }
}
