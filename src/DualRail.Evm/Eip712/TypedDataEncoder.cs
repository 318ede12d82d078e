using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DualRail.Crypto;
using DualRail.Evm.Abi;

namespace DualRail.Evm.Eip712;

/// <summary>
/// The general EIP-712 encoder over a set of struct types: encodeType (primary type first, referenced
/// types sorted by name), typeHash, encodeData and hashStruct for nested structs, arrays (also of
/// structs and arrays), every atomic type (uintN, intN, address, bool, bytesN) and the dynamic
/// <c>bytes</c> and <c>string</c>.
/// </summary>
public sealed class TypedDataEncoder
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types;
    private readonly ConcurrentDictionary<string, byte[]> typeHashes = new(StringComparer.Ordinal);

    /// <summary>Creates an encoder; every member type must be atomic, dynamic, an array or a struct listed here.</summary>
    /// <exception cref="FormatException">A member refers to an unknown or malformed type.</exception>
    public TypedDataEncoder(IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        this.types = types;
        foreach (var (name, fields) in types)
        {
            foreach (var field in fields)
            {
                var baseType = ElementBaseType(field.Type);
                if (!types.ContainsKey(baseType) && !IsAtomicOrDynamic(baseType))
                {
                    throw new FormatException($"EIP-712 type {name}.{field.Name} has an unknown type \"{field.Type}\".");
                }
            }
        }
    }

    /// <summary>e.g. <c>Mail(Person from,Person to,string contents)Person(string name,address wallet)</c>.</summary>
    public string EncodeType(string primaryType)
    {
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(primaryType, dependencies);
        dependencies.Remove(primaryType);

        var builder = new StringBuilder();
        foreach (var type in dependencies.Prepend(primaryType))
        {
            builder.Append(type).Append('(');
            builder.AppendJoin(',', Fields(type).Select(f => $"{f.Type} {f.Name}"));
            builder.Append(')');
        }

        return builder.ToString();
    }

    /// <summary>keccak256(encodeType(type)).</summary>
    public byte[] TypeHash(string primaryType) =>
        (byte[])typeHashes.GetOrAdd(primaryType, type => Keccak256.Hash(Encoding.UTF8.GetBytes(EncodeType(type)))).Clone();

    /// <summary>typeHash ‖ one 32-byte word per member, in declaration order.</summary>
    /// <exception cref="FormatException">A value is missing or does not fit its type.</exception>
    public byte[] EncodeData(string primaryType, object? value) => EncodeData(primaryType, value, primaryType);

    /// <summary>keccak256(encodeData(type, value)).</summary>
    /// <exception cref="FormatException">A value is missing or does not fit its type.</exception>
    public byte[] HashStruct(string primaryType, object? value) => Keccak256.Hash(EncodeData(primaryType, value, primaryType));

    private byte[] EncodeData(string structType, object? value, string path)
    {
        if (!TypedDataValues.IsStruct(value))
        {
            throw TypedDataValues.Error(path, $"expected a {structType} object");
        }

        var fields = Fields(structType);
        var encoded = new byte[AbiWord.Size * (fields.Count + 1)];
        typeHashes.GetOrAdd(structType, type => Keccak256.Hash(Encoding.UTF8.GetBytes(EncodeType(type)))).CopyTo(encoded, 0);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var memberPath = $"{path}.{field.Name}";
            if (!TypedDataValues.TryGetMember(value, field.Name, out var member))
            {
                throw TypedDataValues.Error(memberPath, "is missing");
            }

            EncodeValue(field.Type, member, encoded.AsSpan(AbiWord.Size * (i + 1), AbiWord.Size), memberPath);
        }

        return encoded;
    }

    private void EncodeValue(string type, object? value, Span<byte> word, string path)
    {
        if (type.EndsWith(']'))
        {
            EncodeArray(type, value, word, path);
        }
        else if (types.ContainsKey(type))
        {
            Keccak256.Hash(EncodeData(type, value, path), word);
        }
        else if (type == "string")
        {
            Keccak256.Hash(Encoding.UTF8.GetBytes(TypedDataValues.AsString(value, path)), word);
        }
        else if (type == "bytes")
        {
            Keccak256.Hash(TypedDataValues.AsBytes(value, path), word);
        }
        else
        {
            EncodeAtomic(type, value, word, path);
        }
    }

    private void EncodeArray(string type, object? value, Span<byte> word, string path)
    {
        var open = type.LastIndexOf('[');
        var elementType = type[..open];
        var lengthText = type[(open + 1)..^1];
        var elements = TypedDataValues.AsArray(value, path);
        if (lengthText.Length > 0 && int.Parse(lengthText, CultureInfo.InvariantCulture) != elements.Count)
        {
            throw TypedDataValues.Error(path, $"expected {lengthText} elements, got {elements.Count}");
        }

        var concatenated = new byte[AbiWord.Size * elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            EncodeValue(elementType, elements[i], concatenated.AsSpan(AbiWord.Size * i, AbiWord.Size), $"{path}[{i}]");
        }

        Keccak256.Hash(concatenated, word);
    }

    private static void EncodeAtomic(string type, object? value, Span<byte> word, string path)
    {
        try
        {
            switch (type)
            {
                case "address":
                    AbiWord.WriteAddress(TypedDataValues.AsAddress(value, path), word);
                    return;
                case "bool":
                    AbiWord.WriteBool(TypedDataValues.AsBool(value, path), word);
                    return;
            }

            if (TryIntegerWidth(type, "uint", out var unsignedBits))
            {
                AbiWord.WriteUInt(TypedDataValues.AsInteger(value, path), word, unsignedBits);
            }
            else if (TryIntegerWidth(type, "int", out var signedBits))
            {
                AbiWord.WriteInt(TypedDataValues.AsInteger(value, path), word, signedBits);
            }
            else if (TryBytesWidth(type, out var size))
            {
                var bytes = TypedDataValues.AsBytes(value, path);
                if (bytes.Length != size)
                {
                    throw TypedDataValues.Error(path, $"{type} needs exactly {size} bytes, got {bytes.Length}");
                }

                AbiWord.WriteFixedBytes(bytes, word);
            }
            else
            {
                throw TypedDataValues.Error(path, $"unknown type \"{type}\"");
            }
        }
        catch (OverflowException)
        {
            throw TypedDataValues.Error(path, $"the value does not fit in {type}");
        }
    }

    private IReadOnlyList<TypedDataField> Fields(string structType) =>
        types.TryGetValue(structType, out var fields) ? fields : throw new FormatException($"EIP-712 type \"{structType}\" is not defined.");

    private void CollectDependencies(string type, SortedSet<string> found)
    {
        if (!types.ContainsKey(type) || !found.Add(type))
        {
            return;
        }

        foreach (var field in types[type])
        {
            CollectDependencies(ElementBaseType(field.Type), found);
        }
    }

    private static string ElementBaseType(string type)
    {
        var bracket = type.IndexOf('[');
        return bracket < 0 ? type : type[..bracket];
    }

    private static bool IsAtomicOrDynamic(string type) =>
        type is "address" or "bool" or "string" or "bytes"
        || TryIntegerWidth(type, "uint", out _)
        || TryIntegerWidth(type, "int", out _)
        || TryBytesWidth(type, out _);

    private static bool TryIntegerWidth(string type, string prefix, out int bits)
    {
        bits = 0;
        return type.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(type.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out bits)
            && bits is >= 8 and <= 256 && bits % 8 == 0
            && type.Length == prefix.Length + bits.ToString(CultureInfo.InvariantCulture).Length;
    }

    private static bool TryBytesWidth(string type, out int size)
    {
        size = 0;
        return type.StartsWith("bytes", StringComparison.Ordinal)
            && int.TryParse(type.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out size)
            && size is >= 1 and <= 32
            && type.Length == 5 + size.ToString(CultureInfo.InvariantCulture).Length;
    }
}
