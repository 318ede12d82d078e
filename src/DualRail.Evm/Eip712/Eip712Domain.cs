using System.Numerics;

namespace DualRail.Evm.Eip712;

/// <summary>
/// The EIP712Domain of a signature. Every field is optional; fields left null are left out of the
/// type (not zero-filled), and the rest keep the standard order name, version, chainId,
/// verifyingContract, salt.
/// </summary>
public sealed record Eip712Domain
{
    /// <summary>The reserved struct name.</summary>
    public const string TypeName = "EIP712Domain";

    /// <summary>The user-readable name of the signing domain, e.g. "USDC".</summary>
    public string? Name { get; init; }

    /// <summary>The domain version, e.g. "2".</summary>
    public string? Version { get; init; }

    /// <summary>The EIP-155 chain id.</summary>
    public BigInteger? ChainId { get; init; }

    /// <summary>The contract that verifies the signature (for a token: its proxy address).</summary>
    public EvmAddress? VerifyingContract { get; init; }

    /// <summary>A 32-byte disambiguating salt.</summary>
    public byte[]? Salt { get; init; }

    /// <summary>The domain of a USDC-like EIP-3009 token: name, version, chain id and the token address.</summary>
    public static Eip712Domain ForToken(string name, string version, BigInteger chainId, EvmAddress token) =>
        new() { Name = name, Version = version, ChainId = chainId, VerifyingContract = token };

    /// <summary>The EIP712Domain fields this domain uses, in the standard order.</summary>
    public IReadOnlyList<TypedDataField> Fields()
    {
        var fields = new List<TypedDataField>(5);
        if (Name is not null)
        {
            fields.Add(new("name", "string"));
        }

        if (Version is not null)
        {
            fields.Add(new("version", "string"));
        }

        if (ChainId is not null)
        {
            fields.Add(new("chainId", "uint256"));
        }

        if (VerifyingContract is not null)
        {
            fields.Add(new("verifyingContract", "address"));
        }

        if (Salt is not null)
        {
            fields.Add(new("salt", "bytes32"));
        }

        return fields;
    }

    /// <summary>The domain's values keyed by field name (only the fields in use).</summary>
    public IReadOnlyDictionary<string, object?> ToMessage()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Name is not null)
        {
            values["name"] = Name;
        }

        if (Version is not null)
        {
            values["version"] = Version;
        }

        if (ChainId is not null)
        {
            values["chainId"] = ChainId.Value;
        }

        if (VerifyingContract is not null)
        {
            values["verifyingContract"] = VerifyingContract.Value;
        }

        if (Salt is not null)
        {
            values["salt"] = Salt;
        }

        return values;
    }

    /// <summary>The domain separator: hashStruct(EIP712Domain).</summary>
    public byte[] Separator()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { [TypeName] = Fields() };
        return new TypedDataEncoder(types).HashStruct(TypeName, ToMessage());
    }

    /// <summary>The EIP-712 digest of a struct hash under this domain: keccak256(0x1901 ‖ separator ‖ structHash).</summary>
    public byte[] Digest(ReadOnlySpan<byte> structHash) => Eip712Digest.Compute(Separator(), structHash);

    /// <summary>Equal when every field is equal (the salt byte for byte).</summary>
    public bool Equals(Eip712Domain? other) =>
        other is not null
        && Name == other.Name
        && Version == other.Version
        && ChainId == other.ChainId
        && VerifyingContract == other.VerifyingContract
        && (Salt is null ? other.Salt is null : other.Salt is not null && Salt.AsSpan().SequenceEqual(other.Salt));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Version, ChainId, VerifyingContract, Salt?.Length);
}
