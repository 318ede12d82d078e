using System.Numerics;

namespace DualRail.Evm.Eip712;

/// <summary>
/// The EIP712Domain of a signature. Every field is optional; fields left null are left out of the
/// type (not zero-filled), and the rest keep the standard order name, version, chainId,
/// verifyingContract, salt. The separator is computed once per instance (treat <see cref="Salt"/>
/// as immutable); a copy made with <c>with</c> computes its own.
/// </summary>
public sealed record Eip712Domain
{
    /// <summary>The reserved struct name.</summary>
    public const string TypeName = "EIP712Domain";

    private byte[]? _separator;

    /// <summary>An empty domain; set the fields in use with an object initializer.</summary>
    public Eip712Domain()
    {
    }

    /// <summary>The copy behind <c>with</c>: the fields, not the cached separator.</summary>
    private Eip712Domain(Eip712Domain original)
    {
        Name = original.Name;
        Version = original.Version;
        ChainId = original.ChainId;
        VerifyingContract = original.VerifyingContract;
        Salt = original.Salt;
    }

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

    /// <summary>The domain separator: hashStruct(EIP712Domain) (a copy; computed once per instance).</summary>
    public byte[] Separator() => (byte[])CachedSeparator.Clone();

    /// <summary>The EIP-712 digest of a struct hash under this domain: keccak256(0x1901 ‖ separator ‖ structHash).</summary>
    public byte[] Digest(ReadOnlySpan<byte> structHash) => Eip712Digest.Compute(CachedSeparator, structHash);

    // Benign race: two threads may both compute it; both get the same bytes.
    private byte[] CachedSeparator => _separator ??= ComputeSeparator();

    private byte[] ComputeSeparator()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { [TypeName] = Fields() };
        return new TypedDataEncoder(types).HashStruct(TypeName, ToMessage());
    }

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
