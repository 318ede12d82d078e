namespace DualRail.Evm;

/// <summary>Why a 65-byte r ‖ s ‖ v signature was refused by <see cref="EthSignature.TryParse(string?, out EthSignature, out SignatureFormatError, out string?)"/>.</summary>
public enum SignatureFormatError
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>Missing, or not hex.</summary>
    NotHex,

    /// <summary>Not 65 bytes.</summary>
    WrongLength,

    /// <summary>v is not 0, 1, 27 or 28.</summary>
    InvalidV,

    /// <summary>r is zero or not below the curve order n.</summary>
    InvalidR,

    /// <summary>s is zero or not below n.</summary>
    InvalidS,

    /// <summary>s is above n/2 (EIP-2 malleable form; USDC reverts on it).</summary>
    HighS,
}
