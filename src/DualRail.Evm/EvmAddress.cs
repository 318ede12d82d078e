using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DualRail.Crypto;

namespace DualRail.Evm;

/// <summary>
/// A 20-byte EVM account address. Parsing accepts all-lowercase, all-uppercase or EIP-55 mixed case
/// (mixed case must carry a valid checksum); <see cref="ToString"/> is the EIP-55 form; equality
/// compares the bytes, so letter case never matters.
/// </summary>
[JsonConverter(typeof(EvmAddressJsonConverter))]
public readonly struct EvmAddress : IEquatable<EvmAddress>, IParsable<EvmAddress>
{
    /// <summary>Bytes in an address.</summary>
    public const int Length = 20;

    // 20 bytes kept inline (big-endian) so the struct has value equality and no heap allocation.
    private readonly ulong high;
    private readonly ulong middle;
    private readonly uint low;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    /// <exception cref="ArgumentException">Not 20 bytes.</exception>
    public EvmAddress(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An EVM address is {Length} bytes, not {bytes.Length}.", nameof(bytes));
        }

        high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        middle = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        low = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    /// <summary>The zero address 0x0000000000000000000000000000000000000000.</summary>
    public static EvmAddress Zero => default;

    /// <summary>True for the zero address.</summary>
    public bool IsZero => high == 0 && middle == 0 && low == 0;

    /// <summary>Parses "0x" + 40 hex digits (the prefix is optional).</summary>
    /// <exception cref="FormatException">Wrong length, not hex, or a mixed-case address with a bad checksum.</exception>
    public static EvmAddress Parse(string text)
    {
        if (!TryParse(text, out var address, out var error))
        {
            throw new FormatException(error);
        }

        return address;
    }

    /// <inheritdoc />
    public static EvmAddress Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses an address, answering false on any error.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EvmAddress address) => TryParse(text, out address, out _);

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out EvmAddress result) => TryParse(s, out result);

    /// <summary>Parses an address; <paramref name="error"/> says why it was refused.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EvmAddress address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        if (text is null)
        {
            error = "The address is missing.";
            return false;
        }

        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.AsSpan(2) : text.AsSpan();
        if (digits.Length != Length * 2)
        {
            error = $"An EVM address is 40 hex digits after 0x; got {digits.Length} characters.";
            return false;
        }

        Span<byte> bytes = stackalloc byte[Length];
        if (Convert.FromHexString(digits, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            error = "The address contains a character that is not a hex digit.";
            return false;
        }

        address = new EvmAddress(bytes);
        var hasLower = digits.ContainsAnyInRange('a', 'f');
        var hasUpper = digits.ContainsAnyInRange('A', 'F');
        if (hasLower && hasUpper && !digits.SequenceEqual(address.ToString().AsSpan(2)))
        {
            address = default;
            error = "The mixed-case address has an invalid EIP-55 checksum.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The address of a secp256k1 public key (33-byte compressed or 65-byte uncompressed).</summary>
    /// <exception cref="ArgumentException">Not a valid public key.</exception>
    public static EvmAddress FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65 && publicKey[0] == 0x04)
        {
            Span<byte> hash = stackalloc byte[32];
            Keccak256.Hash(publicKey[1..], hash);
            return new EvmAddress(hash[12..]);
        }

        if (publicKey.Length == 33 && publicKey[0] is 0x02 or 0x03)
        {
            var uncompressed = Secp256k1.ConvertPublicKey(publicKey, compressed: false)
                ?? throw new ArgumentException("The compressed public key is not a point on secp256k1.", nameof(publicKey));
            return FromPublicKey(uncompressed);
        }

        throw new ArgumentException("A public key is 33 bytes (0x02/0x03 ‖ x) or 65 bytes (0x04 ‖ x ‖ y).", nameof(publicKey));
    }

    /// <summary>The address controlled by a 32-byte private key.</summary>
    /// <exception cref="ArgumentException">Not a valid private key (the key is never echoed).</exception>
    public static EvmAddress FromPrivateKey(ReadOnlySpan<byte> privateKey32) =>
        FromPublicKey(Secp256k1.GetPublicKey(privateKey32, compressed: false));

    /// <summary>The 20 bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Writes the 20 bytes into <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], middle);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], low);
    }

    /// <summary>"0x" + 40 lowercase hex digits.</summary>
    public string ToLowerHex()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Hex.Encode(bytes, withPrefix: true);
    }

    /// <summary>The EIP-55 checksummed form, e.g. 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        Span<char> lower = stackalloc char[Length * 2];
        Convert.TryToHexStringLower(bytes, lower, out _);

        Span<byte> ascii = stackalloc byte[Length * 2];
        for (var i = 0; i < lower.Length; i++)
        {
            ascii[i] = (byte)lower[i];
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(ascii, hash);

        Span<char> result = stackalloc char[2 + Length * 2];
        result[0] = '0';
        result[1] = 'x';
        for (var i = 0; i < lower.Length; i++)
        {
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0x0f;
            result[2 + i] = lower[i] is >= 'a' and <= 'f' && nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i];
        }

        return new string(result);
    }

    /// <inheritdoc />
    public bool Equals(EvmAddress other) => high == other.high && middle == other.middle && low == other.low;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EvmAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(high, middle, low);

    /// <summary>Byte equality.</summary>
    public static bool operator ==(EvmAddress left, EvmAddress right) => left.Equals(right);

    /// <summary>Byte inequality.</summary>
    public static bool operator !=(EvmAddress left, EvmAddress right) => !left.Equals(right);
}
