using Grpc.Core;

namespace DualRail.Lightning.Lnd;

/// <summary>Which gRPC failures mean "LND is away for now" (retry later) rather than "this call is wrong".</summary>
public static class LndTransientErrors
{
    public static bool IsTransient(RpcException exception) => exception.StatusCode is
        StatusCode.Unavailable        // connection refused or lost, LND restarting
        or StatusCode.Unknown         // "Stream removed", and LND's plain errors while starting
        or StatusCode.Internal
        or StatusCode.Cancelled       // the server side cancelled the stream (shutdown)
        or StatusCode.DeadlineExceeded
        or StatusCode.ResourceExhausted
        or StatusCode.Aborted;
}
