namespace DualRail.Client.Evm;

/// <summary>
/// The EVM payer's key: <see cref="PrivateKey"/> (hex, e.g. from an environment variable) or
/// <see cref="PrivateKeyPath"/> (a file holding the hex). Never logged.
/// </summary>
public sealed class EvmPayerOptions
{
    public string? PrivateKey { get; set; }

    public string? PrivateKeyPath { get; set; }

    /// <summary>True when a key is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(PrivateKey) || !string.IsNullOrWhiteSpace(PrivateKeyPath);

    internal byte[] LoadPrivateKey()
    {
        var text = !string.IsNullOrWhiteSpace(PrivateKey) ? PrivateKey : File.ReadAllText(PrivateKeyPath!);
        var hex = text.Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            hex = hex[2..];
        byte[] key;
        try
        {
            key = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("The EVM payer's private key is not hex.");
        }
        if (key.Length != 32 || !DualRail.Crypto.Secp256k1.IsValidPrivateKey(key))
            throw new InvalidOperationException("The EVM payer's private key is not a valid 32-byte secp256k1 key.");
        return key;
    }
}
