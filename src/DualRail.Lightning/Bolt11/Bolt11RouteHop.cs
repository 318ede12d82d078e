namespace DualRail.Lightning.Bolt11;

/// <summary>One hop of an <c>r</c> field: the channel from <see cref="PublicKey"/> toward the payee.</summary>
/// <param name="PublicKey">The 33-byte node id at the start of the channel.</param>
/// <param name="ShortChannelId">block height &lt;&lt; 40 | transaction index &lt;&lt; 16 | output index.</param>
public sealed record Bolt11RouteHop(
    byte[] PublicKey,
    ulong ShortChannelId,
    uint FeeBaseMsat,
    uint FeeProportionalMillionths,
    ushort CltvExpiryDelta)
{
    /// <summary>The number of bytes one hop takes in an <c>r</c> field.</summary>
    internal const int EncodedLength = 33 + 8 + 4 + 4 + 2;

    /// <summary>The short channel id as "block x transaction x output".</summary>
    public string ShortChannelIdText => $"{ShortChannelId >> 40}x{(ShortChannelId >> 16) & 0xFFFFFF}x{ShortChannelId & 0xFFFF}";
}
