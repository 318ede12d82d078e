using Microsoft.Extensions.Logging;

namespace DualRail.Lightning.Rail;

internal static partial class LightningRailLog
{
    [LoggerMessage(EventId = 4400, Level = LogLevel.Information,
        Message = "Minted invoice {PaymentHash} for {Resource}: {AmountMsat} msat, expires {ExpiresAt:o}")]
    public static partial void InvoiceMinted(ILogger logger, string paymentHash, string resource, long amountMsat, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning,
        Message = "No Lightning quote for {Resource}: {Reason}")]
    public static partial void NoQuote(ILogger logger, string resource, string reason);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning,
        Message = "AddInvoice failed for {Resource}; Lightning is left out of this 402")]
    public static partial void AddInvoiceFailed(ILogger logger, Exception exception, string resource);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information,
        Message = "Lightning payment {PaymentHash} for {Resource} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string paymentHash, string resource, string reason);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Warning,
        Message = "LookupInvoice {PaymentHash} failed; the payment is not accepted until LND confirms it")]
    public static partial void LookupFailed(ILogger logger, Exception exception, string paymentHash);
}
