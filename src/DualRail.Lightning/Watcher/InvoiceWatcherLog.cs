using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace DualRail.Lightning.Watcher;

internal static partial class InvoiceWatcherLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information,
        Message = "Following the invoices of LND at {Endpoint} from add_index {AddIndex}, settle_index {SettleIndex}")]
    public static partial void Following(ILogger logger, string endpoint, ulong addIndex, ulong settleIndex);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information,
        Message = "Caught up with LND: {Invoices} invoices read, {Settled} of ours settled, full scan: {FullScan}")]
    public static partial void CaughtUp(ILogger logger, int invoices, int settled, bool fullScan);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information,
        Message = "Invoice {PaymentHash} settled (settle_index {SettleIndex})")]
    public static partial void InvoiceSettled(ILogger logger, string paymentHash, ulong settleIndex);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning,
        Message = "LND invoice stream failed ({Status}: {Detail}); resubscribing")]
    public static partial void StreamFailed(ILogger logger, StatusCode status, string detail);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning,
        Message = "LND invoice stream ended; resubscribing")]
    public static partial void StreamEnded(ILogger logger);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Error,
        Message = "The invoice watcher failed; retrying")]
    public static partial void WatcherFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Error,
        Message = "The LND invoice stream cannot start: {Reason}")]
    public static partial void CertificateRejected(ILogger logger, string reason);
}
