using System.Runtime.CompilerServices;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace DualRail.Lightning.Lnd;

/// <summary>
/// Reads a server stream and, when LND drops it (restart, network), waits with backoff until LND
/// is ready again and reopens it. <paramref name="open"/> is called for every (re)open, so it can
/// resume from the latest position the caller has seen.
/// </summary>
internal sealed class ReconnectingStream<T>(
    string name,
    string endpoint,
    Func<CancellationToken, AsyncServerStreamingCall<T>> open,
    Func<CancellationToken, Task> waitUntilReady,
    LndReconnectBackoff backoff,
    ILogger logger)
{
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var attempt = 0;
        var reopened = false;
        while (true)
        {
            RpcException? failure = null;
            using (var call = open(cancellationToken))
            {
                while (true)
                {
                    bool moved;
                    try
                    {
                        moved = await call.ResponseStream.MoveNext(cancellationToken);
                    }
                    catch (RpcException ex) when (!cancellationToken.IsCancellationRequested && LndTransientErrors.IsTransient(ex))
                    {
                        failure = ex;
                        break;
                    }

                    if (!moved)
                        break;
                    if (reopened)
                    {
                        LndClientLog.StreamReopened(logger, name, endpoint);
                        reopened = false;
                    }

                    attempt = 0;
                    yield return call.ResponseStream.Current;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var delay = backoff.DelayFor(attempt);
            if (failure is null)
                LndClientLog.StreamEnded(logger, name, endpoint, delay);
            else
                LndClientLog.StreamFailed(logger, name, endpoint, failure.StatusCode, failure.Status.Detail, delay, attempt + 1);
            await backoff.WaitAsync(delay, cancellationToken);
            attempt++;
            await waitUntilReady(cancellationToken);
            reopened = true;
        }
    }
}
