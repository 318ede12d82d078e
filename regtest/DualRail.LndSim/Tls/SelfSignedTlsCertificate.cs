using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DualRail.LndSim.Tls;

/// <summary>
/// A self-signed TLS certificate shaped like LND's tls.cert: ECDSA P-256, its own CA, valid 14
/// months, names localhost / 127.0.0.1 / ::1. Written as PEM like LND's tls.cert and tls.key.
/// </summary>
public sealed class SelfSignedTlsCertificate : IDisposable
{
    private SelfSignedTlsCertificate(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The certificate with its private key, ready for Kestrel.</summary>
    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    public static SelfSignedTlsCertificate Create(string organization, TimeProvider? timeProvider = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"O={organization}, CN=localhost", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());

        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddHours(-1), now.AddMonths(14));
        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
        var pfx = created.Export(X509ContentType.Pkcs12);
        return new SelfSignedTlsCertificate(X509CertificateLoader.LoadPkcs12(pfx, null));
    }

    /// <summary>Writes tls.cert and tls.key (PKCS#8 PEM) into <paramref name="directory"/>.</summary>
    public (string CertPath, string KeyPath) WritePem(string directory)
    {
        Directory.CreateDirectory(directory);
        var certPath = Path.Combine(directory, "tls.cert");
        var keyPath = Path.Combine(directory, "tls.key");
        File.WriteAllText(certPath, CertificatePem);
        using var key = Certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("The certificate has no ECDSA private key.");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }

    public void Dispose() => Certificate.Dispose();
}
