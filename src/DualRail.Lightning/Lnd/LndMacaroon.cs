namespace DualRail.Lightning.Lnd;

/// <summary>
/// The macaroon as LND expects it in the <c>macaroon</c> metadata entry: hex of the raw file bytes.
/// Holds the secret without ever printing it.
/// </summary>
internal sealed class LndMacaroon
{
    public const string MetadataKey = "macaroon";

    private LndMacaroon(string hex) => Hex = hex;

    public string Hex { get; }

    public static LndMacaroon Load(LndClientOptions options)
    {
        if (!string.IsNullOrEmpty(options.MacaroonPath))
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(options.MacaroonPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"Cannot read the macaroon file '{options.MacaroonPath}': {ex.GetType().Name}.");
            }

            if (bytes.Length == 0)
                throw new InvalidOperationException($"The macaroon file '{options.MacaroonPath}' is empty.");
            return new LndMacaroon(Convert.ToHexStringLower(bytes));
        }

        if (!string.IsNullOrEmpty(options.MacaroonHex))
        {
            if (!IsHex(options.MacaroonHex))
                throw new InvalidOperationException("MacaroonHex is not an even-length hex string.");
            return new LndMacaroon(options.MacaroonHex.ToLowerInvariant());
        }

        throw new InvalidOperationException("No macaroon configured: set MacaroonPath or MacaroonHex.");
    }

    public static bool IsHex(string value) => value.Length % 2 == 0 && value.Length > 0 && value.All(char.IsAsciiHexDigit);

    public override string ToString() => "macaroon (redacted)";
}
