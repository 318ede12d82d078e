using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DualRail.Lightning.Lnd;

/// <summary>
/// LND's self-signed tls.cert, trusted exactly: the server's certificate must be byte-for-byte this
/// one (the pattern of LND's own C# guide). Host name and chain are not consulted, since the cert is
/// its own root and LND lists only its own names in it.
/// </summary>
internal sealed class PinnedCertificate
{
    private readonly byte[] _der;

    private PinnedCertificate(byte[] der) => _der = der;

    /// <summary>The pin from the options, or null when the system trust store should decide.</summary>
    public static PinnedCertificate? FromOptions(LndClientOptions options)
    {
        if (!string.IsNullOrEmpty(options.TlsCertPath))
            return FromBytes(File.ReadAllBytes(options.TlsCertPath), options.TlsCertPath);
        if (!string.IsNullOrEmpty(options.TlsCertBase64))
        {
            var normalized = options.TlsCertBase64.Trim().Replace('-', '+').Replace('_', '/');
            normalized = normalized.PadRight(normalized.Length + (4 - normalized.Length % 4) % 4, '=');
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(normalized);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("TlsCertBase64 is not valid base64.");
            }

            return FromBytes(bytes, "TlsCertBase64");
        }

        return null;
    }

    private static PinnedCertificate FromBytes(byte[] bytes, string source)
    {
        try
        {
            var text = Encoding.ASCII.GetString(bytes);
            using var certificate = text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(bytes);
            return new PinnedCertificate(certificate.RawData);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"{source} does not hold an X.509 certificate (PEM or DER).", ex);
        }
    }

    public bool Matches(X509Certificate? certificate) =>
        certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(_der);

    public RemoteCertificateValidationCallback Callback => (_, certificate, _, _) => Matches(certificate);
}
