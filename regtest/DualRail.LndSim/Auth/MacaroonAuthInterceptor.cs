using System.Globalization;
using DualRail.LndSim.Nodes;
using DualRail.LndSim.Services;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DualRail.LndSim.Auth;

/// <summary>
/// Refuses calls the way LND's macaroon check does (macaroons/service.go): plain errors, so the
/// status is Unknown, with LND's messages — "expected 1 macaroon, got N", Go's hex decoding error,
/// "verification failed: signature mismatch after caveat verification" for a macaroon of another
/// node, and "permission denied" when the macaroon lacks the RPC's permission.
/// </summary>
internal sealed class MacaroonAuthInterceptor(SimulatedNetwork network) : Interceptor
{
    public const string SignatureMismatch = "verification failed: signature mismatch after caveat verification";
    public const string PermissionDenied = "permission denied";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        if (MethodPermissions.NeedsNoMacaroon(context.Method))
            return;

        // Kestrel joins repeated headers with commas; hex never contains one, so splitting recovers them.
        var values = context.RequestHeaders.Where(e => e.Key == "macaroon").SelectMany(e => e.Value.Split(',')).ToList();
        if (values.Count != 1)
            throw Refuse($"expected 1 macaroon, got {values.Count}");
        var macaroon = DecodeHex(values[0]);

        var permissions = network.NodeOf(context).Macaroons.PermissionsOf(macaroon) ?? throw Refuse(SignatureMismatch);
        if (MethodPermissions.For(context.Method) is not { } required || !permissions.Contains(required))
            throw Refuse(PermissionDenied);
    }

    // Go's encoding/hex messages, which LND passes through unchanged.
    private static byte[] DecodeHex(string hex)
    {
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
                throw Refuse(string.Create(CultureInfo.InvariantCulture, $"encoding/hex: invalid byte: U+{(int)c:X4} '{c}'"));
        }

        if (hex.Length % 2 != 0)
            throw Refuse("encoding/hex: odd length hex string");
        return Convert.FromHexString(hex);
    }

    private static RpcException Refuse(string message) => new(new Status(StatusCode.Unknown, message));
}
