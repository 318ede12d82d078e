using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DualRail.Crypto.Secp256k1Backends;

/// <summary>
/// secp256k1 through the system's libsecp256k1 (Debian: libsecp256k1-1 / libsecp256k1-2), which must
/// include the recovery module. <see cref="TryLoad"/> answers null when the library is missing or
/// incomplete, and callers then use <see cref="BouncyCastleSecp256k1"/>.
/// </summary>
internal sealed unsafe class NativeSecp256k1 : ISecp256k1Backend
{
    private const uint ContextSignAndVerify = (1 << 0) | (1 << 8) | (1 << 9);
    private const uint SerializeCompressed = (1 << 1) | (1 << 8);
    private const uint SerializeUncompressed = 1 << 1;

    // Opaque structures of the C API: secp256k1_pubkey (64 bytes), secp256k1_ecdsa_signature (64),
    // secp256k1_ecdsa_recoverable_signature (65).
    private const int PublicKeyStructSize = 64;
    private const int SignatureStructSize = 64;
    private const int RecoverableSignatureStructSize = 65;

    private static readonly string[] LibraryNames =
    [
        "libsecp256k1.so.2", "libsecp256k1.so.1", "libsecp256k1.so", "libsecp256k1.so.0", "libsecp256k1.dylib", "secp256k1",
    ];

    private readonly IntPtr context;
    private readonly delegate* unmanaged<IntPtr, byte*, int> seckeyVerify;
    private readonly delegate* unmanaged<IntPtr, byte*, byte*, int> pubkeyCreate;
    private readonly delegate* unmanaged<IntPtr, byte*, nuint*, byte*, uint, int> pubkeySerialize;
    private readonly delegate* unmanaged<IntPtr, byte*, byte*, nuint, int> pubkeyParse;
    private readonly delegate* unmanaged<IntPtr, byte*, byte*, byte*, IntPtr, IntPtr, int> signRecoverable;
    private readonly delegate* unmanaged<IntPtr, byte*, int*, byte*, int> recoverableSerializeCompact;
    private readonly delegate* unmanaged<IntPtr, byte*, byte*, int, int> recoverableParseCompact;
    private readonly delegate* unmanaged<IntPtr, byte*, byte*, byte*, int> recover;
    private readonly delegate* unmanaged<IntPtr, byte*, byte*, int> signatureParseCompact;
    private readonly delegate* unmanaged<IntPtr, byte*, byte*, byte*, int> verify;

    private NativeSecp256k1(IntPtr library)
    {
        seckeyVerify = (delegate* unmanaged<IntPtr, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_ec_seckey_verify");
        pubkeyCreate = (delegate* unmanaged<IntPtr, byte*, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_ec_pubkey_create");
        pubkeySerialize = (delegate* unmanaged<IntPtr, byte*, nuint*, byte*, uint, int>)NativeLibrary.GetExport(library, "secp256k1_ec_pubkey_serialize");
        pubkeyParse = (delegate* unmanaged<IntPtr, byte*, byte*, nuint, int>)NativeLibrary.GetExport(library, "secp256k1_ec_pubkey_parse");
        signRecoverable = (delegate* unmanaged<IntPtr, byte*, byte*, byte*, IntPtr, IntPtr, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_sign_recoverable");
        recoverableSerializeCompact = (delegate* unmanaged<IntPtr, byte*, int*, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_recoverable_signature_serialize_compact");
        recoverableParseCompact = (delegate* unmanaged<IntPtr, byte*, byte*, int, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_recoverable_signature_parse_compact");
        recover = (delegate* unmanaged<IntPtr, byte*, byte*, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_recover");
        signatureParseCompact = (delegate* unmanaged<IntPtr, byte*, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_signature_parse_compact");
        verify = (delegate* unmanaged<IntPtr, byte*, byte*, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_verify");

        var contextCreate = (delegate* unmanaged<uint, IntPtr>)NativeLibrary.GetExport(library, "secp256k1_context_create");
        var contextRandomize = (delegate* unmanaged<IntPtr, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_context_randomize");
        context = contextCreate(ContextSignAndVerify);
        if (context == IntPtr.Zero)
        {
            throw new InvalidOperationException("secp256k1_context_create failed.");
        }

        // Blinding against side channels; the context is only read afterwards, so it is shared by all threads.
        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        fixed (byte* seedPointer = seed)
        {
            contextRandomize(context, seedPointer);
        }
    }

    public string Name => "libsecp256k1";

    /// <summary>Loads the system library, or answers null (with the reason) when it is not usable.</summary>
    public static NativeSecp256k1? TryLoad(out string? failure)
    {
        failure = "libsecp256k1 was not found.";
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, typeof(NativeSecp256k1).Assembly, null, out var library))
            {
                continue;
            }

            try
            {
                failure = null;
                return new NativeSecp256k1(library);
            }
            catch (Exception exception) when (exception is EntryPointNotFoundException or InvalidOperationException)
            {
                // e.g. built without the recovery module; try another name, then fall back.
                failure = $"{name}: {exception.Message}";
                NativeLibrary.Free(library);
            }
        }

        return null;
    }

    public byte[] GetPublicKey(ReadOnlySpan<byte> privateKey32, bool compressed)
    {
        var publicKey = stackalloc byte[PublicKeyStructSize];
        fixed (byte* key = privateKey32)
        {
            if (pubkeyCreate(context, publicKey, key) != 1)
            {
                throw new ArgumentException("The private key is not a valid secp256k1 scalar.", nameof(privateKey32));
            }
        }

        return Serialize(publicKey, compressed);
    }

    public RecoverableSignature Sign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> privateKey32)
    {
        var signature = stackalloc byte[RecoverableSignatureStructSize];
        var compact = new byte[64];
        int recoveryId;
        fixed (byte* hash = hash32)
        fixed (byte* key = privateKey32)
        fixed (byte* output = compact)
        {
            // A null nonce function selects the library's RFC 6979 (HMAC-SHA256); it always yields low s.
            if (signRecoverable(context, signature, hash, key, IntPtr.Zero, IntPtr.Zero) != 1)
            {
                throw new ArgumentException("The private key is not a valid secp256k1 scalar.", nameof(privateKey32));
            }

            recoverableSerializeCompact(context, output, &recoveryId, signature);
        }

        return new RecoverableSignature(compact[..32], compact[32..], recoveryId);
    }

    public byte[]? RecoverPublicKey(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compactSignature64, int recoveryId, bool compressed)
    {
        var signature = stackalloc byte[RecoverableSignatureStructSize];
        var publicKey = stackalloc byte[PublicKeyStructSize];
        fixed (byte* input = compactSignature64)
        fixed (byte* hash = hash32)
        {
            if (recoverableParseCompact(context, signature, input, recoveryId) != 1
                || recover(context, publicKey, signature, hash) != 1)
            {
                return null;
            }
        }

        return Serialize(publicKey, compressed);
    }

    public byte[]? ConvertPublicKey(ReadOnlySpan<byte> publicKey, bool compressed)
    {
        var parsedKey = stackalloc byte[PublicKeyStructSize];
        fixed (byte* keyBytes = publicKey)
        {
            if (pubkeyParse(context, parsedKey, keyBytes, (nuint)publicKey.Length) != 1)
            {
                return null;
            }
        }

        return Serialize(parsedKey, compressed);
    }

    public bool Verify(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compactSignature64, ReadOnlySpan<byte> publicKey)
    {
        var signature = stackalloc byte[SignatureStructSize];
        var parsedKey = stackalloc byte[PublicKeyStructSize];
        fixed (byte* input = compactSignature64)
        fixed (byte* keyBytes = publicKey)
        fixed (byte* hash = hash32)
        {
            // secp256k1_ecdsa_verify itself refuses high s, like the managed backend.
            return signatureParseCompact(context, signature, input) == 1
                && pubkeyParse(context, parsedKey, keyBytes, (nuint)publicKey.Length) == 1
                && verify(context, signature, hash, parsedKey) == 1;
        }
    }

    /// <summary>secp256k1_ec_seckey_verify: 1 ≤ key &lt; n.</summary>
    public bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey32)
    {
        fixed (byte* key = privateKey32)
        {
            return seckeyVerify(context, key) == 1;
        }
    }

    private byte[] Serialize(byte* publicKey, bool compressed)
    {
        var output = new byte[compressed ? 33 : 65];
        nuint length = (nuint)output.Length;
        fixed (byte* outputPointer = output)
        {
            pubkeySerialize(context, outputPointer, &length, publicKey, compressed ? SerializeCompressed : SerializeUncompressed);
        }

        return output;
    }
}
