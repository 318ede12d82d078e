namespace DualRail.Lightning.Bolt11;

/// <summary>Tagged field types (the 5-bit value of the field's letter).</summary>
internal static class Bolt11Tag
{
    public const byte PaymentHash = 1;         // p
    public const byte RouteHint = 3;           // r
    public const byte Features = 5;            // 9
    public const byte Expiry = 6;              // x
    public const byte Fallback = 9;            // f
    public const byte Description = 13;        // d
    public const byte PaymentSecret = 16;      // s
    public const byte PayeePublicKey = 19;     // n
    public const byte DescriptionHash = 23;    // h
    public const byte MinFinalCltvExpiry = 24; // c
    public const byte Metadata = 27;           // m

    /// <summary>The data length in words of a 32-byte value (p, s, h).</summary>
    public const int Hash256Words = 52;

    /// <summary>The data length in words of a 33-byte public key (n).</summary>
    public const int PublicKeyWords = 53;

    /// <summary>The largest data length a 10-bit length can express.</summary>
    public const int MaxDataWords = 1023;
}
