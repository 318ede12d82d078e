using System.Numerics;
using System.Text;
using DualRail.Crypto;
using DualRail.Evm.Abi;
using DualRail.Evm.Eip712;

namespace DualRail.Evm.Eip3009;

/// <summary>
/// The fields shared by EIP-3009 TransferWithAuthorization and ReceiveWithAuthorization: the payer
/// (<paramref name="From"/>) lets <paramref name="Value"/> atomic units move to <paramref name="To"/>
/// strictly inside (<paramref name="ValidAfter"/>, <paramref name="ValidBefore"/>), once per
/// 32-byte <paramref name="Nonce"/>.
/// </summary>
public abstract record Eip3009Authorization(
    EvmAddress From,
    EvmAddress To,
    BigInteger Value,
    BigInteger ValidAfter,
    BigInteger ValidBefore,
    byte[] Nonce)
{
    /// <summary>The struct's member list (same for both types).</summary>
    public static readonly IReadOnlyList<TypedDataField> Fields =
    [
        new("from", "address"),
        new("to", "address"),
        new("value", "uint256"),
        new("validAfter", "uint256"),
        new("validBefore", "uint256"),
        new("nonce", "bytes32"),
    ];

    /// <summary>The EIP-712 struct name.</summary>
    public abstract string PrimaryType { get; }

    /// <summary>keccak256 of the type string.</summary>
    public abstract ReadOnlySpan<byte> TypeHash { get; }

    /// <summary>hashStruct: keccak256(typeHash ‖ from ‖ to ‖ value ‖ validAfter ‖ validBefore ‖ nonce).</summary>
    /// <exception cref="FormatException">The nonce is not 32 bytes or a number does not fit uint256.</exception>
    public byte[] StructHash()
    {
        if (Nonce is not { Length: 32 })
        {
            throw new FormatException("An EIP-3009 nonce is 32 bytes.");
        }

        Span<byte> encoded = stackalloc byte[7 * AbiWord.Size];
        TypeHash.CopyTo(encoded);
        AbiWord.WriteAddress(From, encoded[32..]);
        AbiWord.WriteAddress(To, encoded[64..]);
        WriteUInt256(Value, encoded[96..], "value");
        WriteUInt256(ValidAfter, encoded[128..], "validAfter");
        WriteUInt256(ValidBefore, encoded[160..], "validBefore");
        Nonce.CopyTo(encoded[192..]);
        return Keccak256.Hash(encoded);
    }

    /// <summary>The EIP-712 digest under <paramref name="domain"/>.</summary>
    public byte[] Digest(Eip712Domain domain) => domain.Digest(StructHash());

    /// <summary>Signs as the payer (RFC 6979, low s, v = 27/28).</summary>
    public EthSignature Sign(Eip712Domain domain, ReadOnlySpan<byte> privateKey32) => EthSignature.Sign(Digest(domain), privateKey32);

    /// <summary>The address that made <paramref name="signature"/>; compare it with <see cref="From"/>.</summary>
    public EvmAddress? RecoverSigner(Eip712Domain domain, EthSignature signature) => signature.RecoverAddress(Digest(domain));

    /// <summary>The same data as general typed data (e.g. for a wallet's eth_signTypedData_v4).</summary>
    public TypedData ToTypedData(Eip712Domain domain) => new()
    {
        Domain = domain,
        Types = new Dictionary<string, IReadOnlyList<TypedDataField>> { [PrimaryType] = Fields },
        PrimaryType = PrimaryType,
        Message = new Dictionary<string, object?>
        {
            ["from"] = From,
            ["to"] = To,
            ["value"] = Value,
            ["validAfter"] = ValidAfter,
            ["validBefore"] = ValidBefore,
            ["nonce"] = Nonce,
        },
    };

    /// <summary>Equal when every field is equal (the nonce byte for byte).</summary>
    public virtual bool Equals(Eip3009Authorization? other) =>
        other is not null
        && EqualityContract == other.EqualityContract
        && From == other.From
        && To == other.To
        && Value == other.Value
        && ValidAfter == other.ValidAfter
        && ValidBefore == other.ValidBefore
        && (Nonce ?? []).AsSpan().SequenceEqual(other.Nonce ?? []);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(EqualityContract);
        hash.Add(From);
        hash.Add(To);
        hash.Add(Value);
        hash.Add(ValidAfter);
        hash.Add(ValidBefore);
        hash.AddBytes(Nonce ?? []);
        return hash.ToHashCode();
    }

    private protected static byte[] HashTypeString(string typeString) => Keccak256.Hash(Encoding.ASCII.GetBytes(typeString));

    private static void WriteUInt256(BigInteger value, Span<byte> word, string name)
    {
        try
        {
            AbiWord.WriteUInt(value, word);
        }
        catch (OverflowException)
        {
            throw new FormatException($"EIP-3009 {name} must be in [0, 2^256).");
        }
    }
}
