using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualRail.Evm.Eip712;

/// <summary>
/// A complete EIP-712 typed-data request (the eth_signTypedData_v4 shape): domain, struct types,
/// primary type and message.
/// </summary>
public sealed class TypedData
{
    private TypedDataEncoder? encoder;

    /// <summary>The signing domain.</summary>
    public required Eip712Domain Domain { get; init; }

    /// <summary>
    /// The struct types. <c>EIP712Domain</c> may be listed (as in wallet requests); when it is, its
    /// field list and order are used for the domain separator, otherwise it is derived from <see cref="Domain"/>.
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types { get; init; }

    /// <summary>The struct type of <see cref="Message"/>.</summary>
    public required string PrimaryType { get; init; }

    /// <summary>The message: a dictionary of member values (.NET values or JSON), or a JSON object.</summary>
    public required object Message { get; init; }

    private TypedDataEncoder Encoder => encoder ??= new TypedDataEncoder(TypesWithDomain());

    /// <summary>Parses an eth_signTypedData_v4 JSON document.</summary>
    /// <exception cref="FormatException">Malformed JSON or typed data.</exception>
    public static TypedData Parse(string json) => TypedDataJson.Parse(json);

    /// <summary>Reads typed data from a parsed JSON object.</summary>
    /// <exception cref="FormatException">Malformed typed data.</exception>
    public static TypedData FromJson(JsonElement json) => TypedDataJson.FromJson(json);

    /// <summary>The eth_signTypedData_v4 JSON form (integers as decimal strings, bytes as 0x-hex).</summary>
    public JsonObject ToJson() => TypedDataJson.ToJson(this);

    /// <summary>encodeType of the primary type.</summary>
    public string EncodeType() => Encoder.EncodeType(PrimaryType);

    /// <summary>hashStruct(EIP712Domain).</summary>
    public byte[] DomainSeparator() => Encoder.HashStruct(Eip712Domain.TypeName, Domain.ToMessage());

    /// <summary>hashStruct(message).</summary>
    public byte[] HashStruct() => Encoder.HashStruct(PrimaryType, Message);

    /// <summary>keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)).</summary>
    public byte[] Digest() => Eip712Digest.Compute(DomainSeparator(), HashStruct());

    /// <summary>Signs the digest (RFC 6979, low s, v = 27/28).</summary>
    public EthSignature Sign(ReadOnlySpan<byte> privateKey32) => EthSignature.Sign(Digest(), privateKey32);

    /// <summary>The address whose key made <paramref name="signature"/> over this data; null when none recovers.</summary>
    public EvmAddress? RecoverSigner(EthSignature signature) => signature.RecoverAddress(Digest());

    private Dictionary<string, IReadOnlyList<TypedDataField>> TypesWithDomain()
    {
        var all = new Dictionary<string, IReadOnlyList<TypedDataField>>(Types, StringComparer.Ordinal);
        all.TryAdd(Eip712Domain.TypeName, Domain.Fields());
        return all;
    }
}
