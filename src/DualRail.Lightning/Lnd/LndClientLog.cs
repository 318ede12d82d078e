using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace DualRail.Lightning.Lnd;

/// <summary>Source-generated log messages of the LND client (event ids 4100-4119). No secrets are logged.</summary>
internal static partial class LndClientLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "LND stream {Stream} at {Endpoint} failed with {StatusCode} ({Detail}); reconnecting in {Delay} (attempt {Attempt})")]
    public static partial void StreamFailed(ILogger logger, string stream, string endpoint, StatusCode statusCode, string detail, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "LND stream {Stream} at {Endpoint} ended by the server; reconnecting in {Delay}")]
    public static partial void StreamEnded(ILogger logger, string stream, string endpoint, TimeSpan delay);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "LND stream {Stream} at {Endpoint} reopened")]
    public static partial void StreamReopened(ILogger logger, string stream, string endpoint);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug,
        Message = "LND at {Endpoint} not ready yet ({State}); checking again in {Delay}")]
    public static partial void NotReady(ILogger logger, string endpoint, string state, TimeSpan delay);
}
