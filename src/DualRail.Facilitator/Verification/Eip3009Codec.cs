using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;
using DualRail.Crypto;

namespace DualRail.Facilitator.Verification;

/// <summary>
/// EIP-712 digests, call data and return-value decoding for the EIP-3009 token calls the facilitator makes.
/// </summary>
internal static class Eip3009Codec
{
    private static readonly byte[] DomainTypeHash = Keccak("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    private static readonly byte[] TransferTypeHash = Keccak("TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)");
    private static readonly byte[] Erc6492MagicSuffix = Convert.FromHexString("6492649264926492649264926492649264926492649264926492649264926492");
    private static readonly byte[] Erc1271MagicValue = [0x16, 0x26, 0xba, 0x7e];

    private static readonly byte[] TransferVrsSelector = Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)");
    private static readonly byte[] TransferBytesSelector = Selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)");
    private static readonly byte[] AuthorizationStateSelector = Selector("authorizationState(address,bytes32)");
    private static readonly byte[] BalanceOfSelector = Selector("balanceOf(address)");
    private static readonly byte[] NameSelector = Selector("name()");
    private static readonly byte[] VersionSelector = Selector("version()");
    private static readonly byte[] IsValidSignatureSelector = Selector("isValidSignature(bytes32,bytes)");

    public static byte[] TransferWithAuthorizationDigest(string name, string version, long chainId, string token, ExactEvmAuthorization a)
    {
        var domainSeparator = Keccak(Concat(DomainTypeHash, Keccak(name), Keccak(version), Word(chainId), AddressWord(token)));
        var structHash = Keccak(Concat(TransferTypeHash, AddressWord(a.From), AddressWord(a.To), Word(a.Value), Word(a.ValidAfter), Word(a.ValidBefore), a.Nonce));
        return Keccak256.Hash(Concat([0x19, 0x01], domainSeparator, structHash));
    }

    /// <summary>
    /// transferWithAuthorization with the v,r,s overload for a 65-byte signature (v normalized to
    /// 27/28) and the bytes overload for anything else (contract wallets), as the x402 reference does.
    /// </summary>
    public static byte[] TransferWithAuthorizationCall(ExactEvmAuthorization a, byte[] signature)
    {
        var head = Concat(AddressWord(a.From), AddressWord(a.To), Word(a.Value), Word(a.ValidAfter), Word(a.ValidBefore), a.Nonce);
        if (signature.Length == 65)
        {
            var v = signature[64] < 27 ? signature[64] + 27 : signature[64];
            return Concat(TransferVrsSelector, head, Word(v), signature[..32], signature[32..64]);
        }

        return Concat(TransferBytesSelector, head, Word(7 * 32), DynamicBytes(signature));
    }

    public static byte[] AuthorizationStateCall(string authorizer, byte[] nonce) => Concat(AuthorizationStateSelector, AddressWord(authorizer), nonce);

    public static byte[] BalanceOfCall(string account) => Concat(BalanceOfSelector, AddressWord(account));

    public static byte[] NameCall() => NameSelector;

    public static byte[] VersionCall() => VersionSelector;

    public static byte[] IsValidSignatureCall(byte[] digest, byte[] signature) => Concat(IsValidSignatureSelector, digest, Word(64), DynamicBytes(signature));

    public static bool IsErc1271MagicValue(byte[] returnData) => returnData.Length >= 4 && returnData.AsSpan(0, 4).SequenceEqual(Erc1271MagicValue);

    public static bool DecodeBool(byte[] returnData) => returnData.Length >= 32 && returnData.AsSpan(0, 32).ContainsAnyExcept((byte)0);

    public static BigInteger DecodeUint(byte[] returnData) => new(returnData.AsSpan(0, 32), isUnsigned: true, isBigEndian: true);

    public static bool TryDecodeString(byte[] returnData, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (returnData.Length < 64)
            return false;
        var offset = DecodeUint(returnData);
        if (offset > returnData.Length - 32)
            return false;
        var length = DecodeUint(returnData[(int)offset..]);
        if (length > returnData.Length - (int)offset - 32)
            return false;
        text = Encoding.UTF8.GetString(returnData, (int)offset + 32, (int)length);
        return true;
    }

    /// <summary>ERC-6492: abi.encode(factory, factoryCalldata, innerSignature) ‖ 32-byte magic. Returns the inner signature.</summary>
    public static bool TryUnwrapErc6492(byte[] signature, [NotNullWhen(true)] out byte[]? inner)
    {
        inner = null;
        if (signature.Length < 32 + 96 || !signature.AsSpan(signature.Length - 32).SequenceEqual(Erc6492MagicSuffix))
            return false;
        var body = signature[..^32];
        var offset = DecodeUint(body[64..96]);
        if (offset > body.Length - 32)
            return false;
        var length = DecodeUint(body[(int)offset..]);
        if (length > body.Length - (int)offset - 32)
            return false;
        inner = body[((int)offset + 32)..((int)offset + 32 + (int)length)];
        return true;
    }

    /// <summary>The lowercase address that produced a 65-byte r ‖ s ‖ v signature, or null (bad v, high s, no point).</summary>
    public static string? RecoverSigner(byte[] digest, byte[] signature)
    {
        if (signature.Length != 65)
            return null;
        var v = signature[64] < 27 ? signature[64] + 27 : signature[64];
        if (v is not (27 or 28) || !Secp256k1.IsLowS(signature.AsSpan(32, 32)))
            return null;
        var publicKey = Secp256k1.RecoverPublicKey(digest, signature.AsSpan(0, 64), v - 27, compressed: false);
        return publicKey is null ? null : AddressOf(publicKey);
    }

    /// <summary>The address of an uncompressed (65-byte) public key, lowercase.</summary>
    public static string AddressOf(byte[] uncompressedPublicKey) => "0x" + Convert.ToHexStringLower(Keccak256.Hash(uncompressedPublicKey.AsSpan(1))[12..]);

    public static bool TryNormalizeAddress(string? text, [NotNullWhen(true)] out string? address)
    {
        address = null;
        if (text is not { Length: 42 } || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !IsHex(text.AsSpan(2)))
            return false;
        address = "0x" + text[2..].ToLowerInvariant();
        return true;
    }

    /// <summary>EIP-55 mixed-case checksum encoding.</summary>
    public static string ToChecksumAddress(string address)
    {
        var hex = address[2..].ToLowerInvariant();
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(hex));
        var chars = hex.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            if (chars[i] is >= 'a' and <= 'f' && nibble >= 8)
                chars[i] = char.ToUpperInvariant(chars[i]);
        }

        return "0x" + new string(chars);
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }

        return true;
    }

    private static byte[] Selector(string signature) => Keccak(signature)[..4];

    private static byte[] Keccak(string text) => Keccak256.Hash(Encoding.UTF8.GetBytes(text));

    private static byte[] Keccak(byte[] data) => Keccak256.Hash(data);

    private static byte[] Word(BigInteger value)
    {
        var word = new byte[32];
        value.TryWriteBytes(word.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return word;
    }

    private static byte[] AddressWord(string address)
    {
        var word = new byte[32];
        Convert.FromHexString(address.AsSpan(2)).CopyTo(word, 12);
        return word;
    }

    private static byte[] DynamicBytes(byte[] data)
    {
        var padded = new byte[(data.Length + 31) / 32 * 32];
        data.CopyTo(padded, 0);
        return Concat(Word(data.Length), padded);
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
