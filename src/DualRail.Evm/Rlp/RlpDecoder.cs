namespace DualRail.Evm.Rlp;

/// <summary>Strict RLP decoding: one item spanning the whole input, canonical lengths only.</summary>
public static class RlpDecoder
{
    /// <summary>Decodes exactly one item.</summary>
    /// <exception cref="FormatException">Truncated, trailing or non-canonical data.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> data)
    {
        var item = DecodeItem(data, out var consumed);
        if (consumed != data.Length)
        {
            throw new FormatException($"RLP data has {data.Length - consumed} trailing bytes.");
        }

        return item;
    }

    private static RlpItem DecodeItem(ReadOnlySpan<byte> data, out int consumed)
    {
        if (data.IsEmpty)
        {
            throw new FormatException("RLP data ended early.");
        }

        var first = data[0];
        if (first < 0x80)
        {
            consumed = 1;
            return RlpItem.String([first]);
        }

        var isList = first >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        int headerLength;
        int payloadLength;
        if (first <= shortBase + 55)
        {
            headerLength = 1;
            payloadLength = first - shortBase;
        }
        else
        {
            var lengthOfLength = first - shortBase - 55;
            if (lengthOfLength > 4 || data.Length < 1 + lengthOfLength || data[1] == 0)
            {
                throw new FormatException("RLP length prefix is truncated or not canonical.");
            }

            long length = 0;
            foreach (var b in data.Slice(1, lengthOfLength))
            {
                length = (length << 8) | b;
            }

            if (length <= 55 || length > int.MaxValue)
            {
                throw new FormatException("RLP long length is not canonical.");
            }

            headerLength = 1 + lengthOfLength;
            payloadLength = (int)length;
        }

        if ((long)headerLength + payloadLength > data.Length)
        {
            throw new FormatException("RLP item runs past the end of the data.");
        }

        consumed = headerLength + payloadLength;
        var payload = data.Slice(headerLength, payloadLength);
        if (!isList)
        {
            if (payloadLength == 1 && payload[0] < 0x80)
            {
                throw new FormatException("A single byte below 0x80 must be encoded as itself.");
            }

            return RlpItem.String(payload.ToArray());
        }

        var items = new List<RlpItem>();
        while (!payload.IsEmpty)
        {
            items.Add(DecodeItem(payload, out var used));
            payload = payload[used..];
        }

        return RlpItem.List(items);
    }
}
