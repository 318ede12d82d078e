using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualRail.Evm;

/// <summary>Reads an address from a JSON string (any valid case) and writes it EIP-55 checksummed.</summary>
public sealed class EvmAddressJsonConverter : JsonConverter<EvmAddress>
{
    /// <inheritdoc />
    public override EvmAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An EVM address must be a JSON string.");
        }

        return EvmAddress.TryParse(reader.GetString(), out var address, out var error) ? address : throw new JsonException(error);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EvmAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
