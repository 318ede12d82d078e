namespace DualRail.Lightning.Lnd;

/// <summary>
/// LND's TLS certificate was refused: it is not the pinned tls.cert (LND may have regenerated it), or no pin is set
/// and the system does not trust it. Retrying does not help; the configuration must change.
/// </summary>
public sealed class LndCertificateRejectedException : Exception
{
    public LndCertificateRejectedException()
        : base("LND's TLS certificate was refused.")
    {
    }

    public LndCertificateRejectedException(string message)
        : base(message)
    {
    }

    public LndCertificateRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static LndCertificateRejectedException For(Uri endpoint, bool pinned, Exception innerException) => new(
        pinned
            ? $"LND at {endpoint.Authority} presented a TLS certificate that is not the pinned tls.cert (Lnd:TlsCertPath or Lnd:TlsCertBase64). "
              + "LND regenerates tls.cert when it is deleted or its names change: copy the node's current tls.cert."
            : $"LND at {endpoint.Authority} presented a TLS certificate the system does not trust. Pin the node's tls.cert with Lnd:TlsCertPath or Lnd:TlsCertBase64.",
        innerException);
}
