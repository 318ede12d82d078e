namespace DualRail.Crypto;

/// <summary>An ECDSA signature over secp256k1 with the recovery id that finds the signer's public key.</summary>
/// <param name="R">32 bytes, big-endian.</param>
/// <param name="S">32 bytes, big-endian (low-s when produced by <see cref="Secp256k1.Sign"/>).</param>
/// <param name="RecoveryId">0 or 1: the parity of the nonce point's y coordinate.</param>
public readonly record struct RecoverableSignature(byte[] R, byte[] S, int RecoveryId)
{
    /// <summary>The 64-byte compact form r ‖ s.</summary>
    public byte[] ToCompact()
    {
        var compact = new byte[64];
        R.AsSpan().CopyTo(compact.AsSpan(32 - R.Length, R.Length));
        S.AsSpan().CopyTo(compact.AsSpan(64 - S.Length, S.Length));
        return compact;
    }

    /// <summary>Equal when r, s and the recovery id are equal byte for byte.</summary>
    public bool Equals(RecoverableSignature other) =>
        RecoveryId == other.RecoveryId
        && (R ?? []).AsSpan().SequenceEqual(other.R ?? [])
        && (S ?? []).AsSpan().SequenceEqual(other.S ?? []);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(RecoveryId);
        hash.AddBytes(R ?? []);
        hash.AddBytes(S ?? []);
        return hash.ToHashCode();
    }

    /// <summary>Splits a 64-byte compact r ‖ s signature.</summary>
    public static RecoverableSignature FromCompact(ReadOnlySpan<byte> compact64, int recoveryId)
    {
        if (compact64.Length != 64)
        {
            throw new ArgumentException("A compact signature is 64 bytes (r ‖ s).", nameof(compact64));
        }

        return new RecoverableSignature(compact64[..32].ToArray(), compact64[32..].ToArray(), recoveryId);
    }
}
