namespace DualRail.Crypto.Secp256k1Backends;

/// <summary>
/// One implementation of the secp256k1 operations. Inputs have already been checked by
/// <see cref="Secp256k1"/> (lengths, private key range, recovery id range).
/// </summary>
internal interface ISecp256k1Backend
{
    string Name { get; }

    byte[] GetPublicKey(ReadOnlySpan<byte> privateKey32, bool compressed);

    RecoverableSignature Sign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> privateKey32);

    byte[]? RecoverPublicKey(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compactSignature64, int recoveryId, bool compressed);

    byte[]? ConvertPublicKey(ReadOnlySpan<byte> publicKey, bool compressed);

    bool Verify(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compactSignature64, ReadOnlySpan<byte> publicKey);
}
