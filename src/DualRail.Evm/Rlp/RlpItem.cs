using System.Numerics;

namespace DualRail.Evm.Rlp;

/// <summary>A decoded RLP value: either a byte string or a list of items.</summary>
public sealed class RlpItem
{
    private RlpItem(byte[]? bytes, IReadOnlyList<RlpItem>? items)
    {
        Bytes = bytes ?? [];
        Items = items ?? [];
        IsList = items is not null;
    }

    /// <summary>True for a list.</summary>
    public bool IsList { get; }

    /// <summary>The byte string (empty for a list).</summary>
    public byte[] Bytes { get; }

    /// <summary>The list's items (empty for a byte string).</summary>
    public IReadOnlyList<RlpItem> Items { get; }

    /// <summary>Reads the byte string as a canonical unsigned integer.</summary>
    /// <exception cref="FormatException">A list, or an integer with leading zero bytes.</exception>
    public BigInteger ToInteger()
    {
        if (IsList)
        {
            throw new FormatException("An RLP list is not an integer.");
        }

        if (Bytes.Length > 0 && Bytes[0] == 0)
        {
            throw new FormatException("An RLP integer must not have leading zero bytes.");
        }

        return new BigInteger(Bytes, isUnsigned: true, isBigEndian: true);
    }

    internal static RlpItem String(byte[] bytes) => new(bytes, null);

    internal static RlpItem List(IReadOnlyList<RlpItem> items) => new(null, items);
}
