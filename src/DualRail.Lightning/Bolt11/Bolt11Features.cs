namespace DualRail.Lightning.Bolt11;

/// <summary>The <c>9</c> field: feature bits, numbered from the least significant bit (even = required, odd = optional).</summary>
public sealed class Bolt11Features
{
    /// <summary>Feature pairs this reader understands (BOLT #9 invoice features and lnd's AMP).</summary>
    internal static readonly IReadOnlySet<int> KnownBits = new HashSet<int>
    {
        8, 9,   // var_onion_optin
        14, 15, // payment_secret
        16, 17, // basic_mpp
        24, 25, // option_route_blinding
        30, 31, // lnd AMP
        48, 49, // option_payment_metadata
    };

    public static readonly Bolt11Features None = new([]);

    public Bolt11Features(IEnumerable<int> setBits)
    {
        var bits = setBits.Distinct().Order().ToArray();
        if (bits.Length > 0 && bits[0] < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(setBits), "feature bits are not negative");
        }

        SetBits = bits;
    }

    /// <summary>The set bits, ascending.</summary>
    public IReadOnlyList<int> SetBits { get; }

    public bool IsSet(int bit) => SetBits.Contains(bit);

    /// <summary>Set even bits that are not in <see cref="KnownBits"/>: a payer must not pay such an invoice.</summary>
    public IEnumerable<int> UnknownRequiredBits => SetBits.Where(bit => bit % 2 == 0 && !KnownBits.Contains(bit));

    /// <summary>Reads big-endian words: the last word holds bits 0-4.</summary>
    internal static Bolt11Features FromWords(ReadOnlySpan<byte> words)
    {
        var bits = new List<int>();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[words.Length - 1 - i];
            for (var b = 0; b < 5; b++)
            {
                if (((word >> b) & 1) != 0)
                {
                    bits.Add((i * 5) + b);
                }
            }
        }

        return new Bolt11Features(bits);
    }

    /// <summary>The fewest big-endian words that hold every set bit.</summary>
    internal byte[] ToWords()
    {
        if (SetBits.Count == 0)
        {
            return [];
        }

        var words = new byte[(SetBits[^1] / 5) + 1];
        foreach (var bit in SetBits)
        {
            words[words.Length - 1 - (bit / 5)] |= (byte)(1 << (bit % 5));
        }

        return words;
    }
}
