using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DualRail.Lightning.Lnd;

/// <summary>
/// Gives every unary call that has no deadline of its own the configured one, so no call can hang
/// on an LND that stopped answering. Server streams (subscriptions) are long-lived by design and
/// are left alone; their failures are handled by reconnection.
/// </summary>
internal sealed class DefaultDeadlineInterceptor(TimeSpan timeout, TimeProvider timeProvider) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithDeadline(context));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithDeadline(context));

    private ClientInterceptorContext<TRequest, TResponse> WithDeadline<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        if (context.Options.Deadline is not null)
            return context;
        var deadline = timeProvider.GetUtcNow().UtcDateTime + timeout;
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithDeadline(deadline));
    }
}
