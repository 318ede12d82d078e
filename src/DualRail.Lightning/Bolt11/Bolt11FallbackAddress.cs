namespace DualRail.Lightning.Bolt11;

/// <summary>An <c>f</c> field: an on-chain address to pay if Lightning fails.</summary>
/// <param name="Version">0-16: witness version; 17: P2PKH; 18: P2SH.</param>
/// <param name="Program">The witness program, public key hash or script hash.</param>
public sealed record Bolt11FallbackAddress(int Version, byte[] Program)
{
    internal const int PayToPublicKeyHash = 17;
    internal const int PayToScriptHash = 18;
}
