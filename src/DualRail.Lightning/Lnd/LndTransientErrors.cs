using System.Security.Authentication;
using Grpc.Core;

namespace DualRail.Lightning.Lnd;

/// <summary>Which gRPC failures mean "LND is away for now" (retry later) rather than "this call is wrong".</summary>
public static class LndTransientErrors
{
    public static bool IsTransient(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return !IsCertificateRejected(exception) && exception.StatusCode is
            StatusCode.Unavailable        // connection refused or lost, LND restarting
            or StatusCode.Unknown         // "Stream removed", and LND's plain errors while starting
            or StatusCode.Internal        // a connection reset mid-call
            or StatusCode.Cancelled       // the server side cancelled the stream (shutdown)
            or StatusCode.DeadlineExceeded
            or StatusCode.ResourceExhausted
            or StatusCode.Aborted;
    }

    /// <summary>
    /// True when the TLS handshake refused LND's certificate (not the pinned tls.cert, or untrusted without a pin).
    /// Grpc.Net.Client reports that as Internal, like a reset; retrying cannot help until the configuration changes.
    /// </summary>
    public static bool IsCertificateRejected(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var inner = exception.Status.DebugException; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException)
                return true;
        }

        return false;
    }
}
