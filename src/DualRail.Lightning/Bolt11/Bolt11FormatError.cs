namespace DualRail.Lightning.Bolt11;

/// <summary>Why an invoice was refused.</summary>
public enum Bolt11FormatError
{
    /// <summary>Empty, too long, or not a bech32 string (no separator, bad characters).</summary>
    InvalidBech32,

    /// <summary>Upper and lower case mixed.</summary>
    MixedCase,

    /// <summary>The bech32 checksum does not match.</summary>
    InvalidChecksum,

    /// <summary>The human-readable part does not start with <c>ln</c> and a known currency prefix.</summary>
    UnknownNetwork,

    /// <summary>The invoice is for another network than the one expected.</summary>
    WrongNetwork,

    /// <summary>The amount has a non-digit, a leading zero, is zero, or does not fit.</summary>
    InvalidAmount,

    /// <summary>The amount ends in a letter that is not m, u, n or p.</summary>
    InvalidMultiplier,

    /// <summary>A <c>p</c> amount whose last digit is not 0 (a fraction of a millisatoshi).</summary>
    SubMillisatoshiAmount,

    /// <summary>The data part is too short for a timestamp and a signature, or a tagged field is cut off.</summary>
    Truncated,

    /// <summary>A required field (p, s, d or h) is missing, or d and h are both present.</summary>
    MissingField,

    /// <summary>A field's content is invalid (non-minimal integer, bad UTF-8, bad fallback program, bad route hint).</summary>
    InvalidField,

    /// <summary>The feature vector sets an even (required) bit this reader does not know.</summary>
    UnknownRequiredFeature,

    /// <summary>The signature does not verify, cannot be recovered, or is high-S while an <c>n</c> field names the payee.</summary>
    InvalidSignature,
}
