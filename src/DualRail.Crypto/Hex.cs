namespace DualRail.Crypto;

/// <summary>Lowercase hexadecimal encoding with an optional <c>0x</c> prefix.</summary>
public static class Hex
{
    /// <summary>Encodes <paramref name="bytes"/> as lowercase hex, with <c>0x</c> in front when asked.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool withPrefix = false)
    {
        if (!withPrefix)
        {
            return Convert.ToHexStringLower(bytes);
        }

        return string.Create(2 + bytes.Length * 2, bytes, static (chars, data) =>
        {
            chars[0] = '0';
            chars[1] = 'x';
            Convert.TryToHexStringLower(data, chars[2..], out _);
        });
    }

    /// <summary>
    /// Decodes hex with an optional <c>0x</c>/<c>0X</c> prefix; either letter case is accepted.
    /// An empty string (or a bare prefix) is zero bytes.
    /// </summary>
    /// <exception cref="FormatException">The text has an odd length or a non-hex character.</exception>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            throw new FormatException($"Hex string has an odd number of digits ({digits.Length}).");
        }

        var bytes = new byte[digits.Length / 2];
        if (Convert.FromHexString(digits, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            throw new FormatException("Hex string contains a character that is not a hex digit.");
        }

        return bytes;
    }

    /// <summary>Like <see cref="Decode"/>, but answers false instead of throwing.</summary>
    public static bool TryDecode(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null)
        {
            return false;
        }

        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            return false;
        }

        var buffer = new byte[digits.Length / 2];
        if (Convert.FromHexString(digits, buffer, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        bytes = buffer;
        return true;
    }

    private static ReadOnlySpan<char> StripPrefix(string hex) =>
        hex.Length >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X') ? hex.AsSpan(2) : hex.AsSpan();
}
