using System.Security.Cryptography;
using DualRail.Crypto;

namespace DualRail.LndSim.Nodes;

/// <summary>A node's secp256k1 identity key: it signs the node's BOLT11 invoices, its public key is identity_pubkey.</summary>
public sealed class NodeIdentity
{
    private readonly byte[] _privateKey;

    private NodeIdentity(byte[] privateKey)
    {
        _privateKey = privateKey;
        PublicKey = Secp256k1.GetPublicKey(privateKey, compressed: true);
    }

    /// <summary>The 33-byte compressed public key.</summary>
    public byte[] PublicKey { get; }

    public string PublicKeyHex => Convert.ToHexStringLower(PublicKey);

    internal ReadOnlySpan<byte> PrivateKey => _privateKey;

    public static NodeIdentity Generate()
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetBytes(32);
            if (Secp256k1.IsValidPrivateKey(candidate))
                return new NodeIdentity(candidate);
        }
    }

    public override string ToString() => PublicKeyHex;
}
