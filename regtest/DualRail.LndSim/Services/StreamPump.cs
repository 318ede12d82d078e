using System.Threading.Channels;
using DualRail.LndSim.Nodes;
using Grpc.Core;

namespace DualRail.LndSim.Services;

/// <summary>
/// Copies queued events to a server stream until the client goes away, the queue completes, or the
/// simulator drops every stream (then the client sees Unavailable, as when LND shuts down).
/// Call it after the subscription is registered.
/// </summary>
internal static class StreamPump
{
    public const string DroppedMessage = "simulated LND restart: the server is shutting down";

    public static async Task PumpAsync<T>(ChannelReader<T> events, IServerStreamWriter<T> writer, SimulatedNetwork network, ServerCallContext context, Func<T, bool>? send = null, Func<T, bool>? isLast = null)
    {
        var lifetime = network.StreamLifetime;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime);
        try
        {
            // Headers at once tell the client the subscription is registered (before any event).
            await context.WriteResponseHeadersAsync([]);
            await foreach (var item in events.ReadAllAsync(linked.Token))
            {
                if (send is null || send(item))
                    await writer.WriteAsync(item, linked.Token);
                if (isLast is not null && isLast(item))
                    return;
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, DroppedMessage));
        }
    }
}
