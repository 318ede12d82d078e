using System.Numerics;
using System.Text;
using DualRail.Crypto;

namespace DualRail.Client.Evm;

/// <summary>EIP-712 digest and 65-byte signature (r ‖ s ‖ v, v = 27/28) of an EIP-3009 transfer authorization.</summary>
internal static class TransferAuthorizationSigner
{
    private static readonly byte[] DomainTypeHash =
        Keccak256.Hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"u8);

    private static readonly byte[] TransferTypeHash = Keccak256.Hash(
        "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"u8);

    public static byte[] Digest(TransferAuthorization authorization, string tokenName, string tokenVersion, long chainId, string verifyingContract)
    {
        var domain = Keccak256.Hash(Concat(
            DomainTypeHash,
            Keccak256.Hash(Encoding.UTF8.GetBytes(tokenName)),
            Keccak256.Hash(Encoding.UTF8.GetBytes(tokenVersion)),
            Word(chainId),
            AddressWord(verifyingContract)));
        var message = Keccak256.Hash(Concat(
            TransferTypeHash,
            AddressWord(authorization.From),
            AddressWord(authorization.To),
            Word(authorization.Value),
            Word(authorization.ValidAfter),
            Word(authorization.ValidBefore),
            authorization.Nonce));
        return Keccak256.Hash(Concat([0x19, 0x01], domain, message));
    }

    public static byte[] Sign(byte[] digest, ReadOnlySpan<byte> privateKey)
    {
        var signature = Secp256k1.Sign(digest, privateKey);
        return Concat(signature.R, signature.S, [(byte)(27 + signature.RecoveryId)]);
    }

    private static byte[] Word(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > 32)
            throw new ArgumentOutOfRangeException(nameof(value), "Does not fit in uint256.");
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    private static byte[] AddressWord(string address)
    {
        var bytes = Hex.Decode(address);
        if (bytes.Length != 20)
            throw new ArgumentException($"'{address}' is not a 20-byte address.", nameof(address));
        var word = new byte[32];
        bytes.CopyTo(word, 12);
        return word;
    }

    private static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }
        return result;
    }
}
