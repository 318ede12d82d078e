using System.Numerics;
using System.Text.Json;
using DualRail.Crypto;

namespace DualRail.Evm.Rpc;

/// <summary>The transaction object of eth_call and eth_estimateGas.</summary>
public sealed record CallRequest
{
    /// <summary>The sender (msg.sender in the call).</summary>
    public EvmAddress? From { get; init; }

    /// <summary>The contract called; null for a contract creation.</summary>
    public EvmAddress? To { get; init; }

    /// <summary>Calldata.</summary>
    public byte[] Data { get; init; } = [];

    /// <summary>Wei sent.</summary>
    public BigInteger? Value { get; init; }

    /// <summary>Gas limit for the call.</summary>
    public BigInteger? Gas { get; init; }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (From is { } from)
        {
            writer.WriteString("from", from.ToLowerHex());
        }

        if (To is { } to)
        {
            writer.WriteString("to", to.ToLowerHex());
        }

        writer.WriteString("data", Hex.Encode(Data, withPrefix: true));
        if (Value is { } value)
        {
            writer.WriteString("value", HexQuantity.Format(value));
        }

        if (Gas is { } gas)
        {
            writer.WriteString("gas", HexQuantity.Format(gas));
        }

        writer.WriteEndObject();
    }
}
