using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRail.Crypto;

namespace DualRail.Evm.Eip712;

/// <summary>Reads and writes the eth_signTypedData_v4 JSON shape.</summary>
internal static class TypedDataJson
{
    public static TypedData Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(document.RootElement.Clone());
        }
        catch (JsonException exception)
        {
            throw new FormatException("The typed data is not valid JSON.", exception);
        }
    }

    public static TypedData FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Typed data must be a JSON object.");
        }

        var types = ReadTypes(Required(json, "types"));
        var primaryType = Required(json, "primaryType").ValueKind == JsonValueKind.String
            ? json.GetProperty("primaryType").GetString()!
            : throw new FormatException("primaryType must be a string.");
        if (!types.ContainsKey(primaryType))
        {
            throw new FormatException($"primaryType \"{primaryType}\" is not among the types.");
        }

        var message = Required(json, "message");
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("message must be a JSON object.");
        }

        var domain = json.TryGetProperty("domain", out var domainJson) ? ReadDomain(domainJson, types) : new Eip712Domain();
        return new TypedData { Domain = domain, Types = types, PrimaryType = primaryType, Message = message.Clone() };
    }

    public static JsonObject ToJson(TypedData data)
    {
        var types = new JsonObject();
        var allTypes = new Dictionary<string, IReadOnlyList<TypedDataField>>(data.Types, StringComparer.Ordinal);
        allTypes.TryAdd(Eip712Domain.TypeName, data.Domain.Fields());
        foreach (var (name, fields) in allTypes)
        {
            types[name] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type }).ToArray());
        }

        return new JsonObject
        {
            ["types"] = types,
            ["primaryType"] = data.PrimaryType,
            ["domain"] = ToNode(data.Domain.ToMessage()),
            ["message"] = ToNode(data.Message),
        };
    }

    private static Dictionary<string, IReadOnlyList<TypedDataField>> ReadTypes(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("types must be a JSON object.");
        }

        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>(StringComparer.Ordinal);
        foreach (var type in json.EnumerateObject())
        {
            if (type.Value.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"types.{type.Name} must be an array of {{name, type}}.");
            }

            types[type.Name] = type.Value.EnumerateArray().Select(field =>
                field.ValueKind == JsonValueKind.Object
                && field.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && field.TryGetProperty("type", out var fieldType) && fieldType.ValueKind == JsonValueKind.String
                    ? new TypedDataField(name.GetString()!, fieldType.GetString()!)
                    : throw new FormatException($"types.{type.Name} has a member without a string name and type.")).ToList();
        }

        return types;
    }

    private static Eip712Domain ReadDomain(JsonElement json, Dictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("domain must be a JSON object.");
        }

        var known = new HashSet<string>(StringComparer.Ordinal) { "name", "version", "chainId", "verifyingContract", "salt" };
        if (types.TryGetValue(Eip712Domain.TypeName, out var declared) && declared.FirstOrDefault(f => !known.Contains(f.Name)) is { } extra)
        {
            throw new FormatException($"EIP712Domain field \"{extra.Name}\" is not supported (only name, version, chainId, verifyingContract, salt).");
        }

        bool Has(string name) => json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
        return new Eip712Domain
        {
            Name = Has("name") ? TypedDataValues.AsString(json.GetProperty("name"), "domain.name") : null,
            Version = Has("version") ? TypedDataValues.AsString(json.GetProperty("version"), "domain.version") : null,
            ChainId = Has("chainId") ? TypedDataValues.AsInteger(json.GetProperty("chainId"), "domain.chainId") : null,
            VerifyingContract = Has("verifyingContract") ? TypedDataValues.AsAddress(json.GetProperty("verifyingContract"), "domain.verifyingContract") : null,
            Salt = Has("salt") ? TypedDataValues.AsBytes(json.GetProperty("salt"), "domain.salt") : null,
        };
    }

    private static JsonElement Required(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value : throw new FormatException($"Typed data has no \"{name}\".");

    private static JsonNode? ToNode(object? value) => TypedDataValues.Unwrap(value) switch
    {
        null => null,
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        BigInteger integer => JsonValue.Create(integer.ToString(CultureInfo.InvariantCulture)),
        int or long or uint or ulong or short or ushort or byte or sbyte => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
        EvmAddress address => JsonValue.Create(address.ToString()),
        byte[] bytes => JsonValue.Create(Hex.Encode(bytes, withPrefix: true)),
        IReadOnlyDictionary<string, object?> dictionary => new JsonObject(dictionary.Select(p => KeyValuePair.Create(p.Key, ToNode(p.Value)))),
        IDictionary<string, object?> dictionary => new JsonObject(dictionary.Select(p => KeyValuePair.Create(p.Key, ToNode(p.Value)))),
        IEnumerable sequence => new JsonArray(sequence.Cast<object?>().Select(ToNode).ToArray()),
        _ => throw new FormatException($"Cannot write a {value!.GetType().Name} as typed-data JSON."),
    };
}
