using Microsoft.Extensions.Logging;

namespace DualRail.Evm.Rail;

/// <summary>Source-generated logging of the EVM rail (event ids 3120-3139).</summary>
internal static partial class EvmRailLog
{
    [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "EVM payment refused before the facilitator: {Reason} ({Detail})")]
    public static partial void PrecheckRefused(ILogger logger, string reason, string detail);

    [LoggerMessage(EventId = 3121, Level = LogLevel.Information, Message = "Facilitator refused the EVM payment from {Payer}: {Reason}")]
    public static partial void FacilitatorRefused(ILogger logger, string payer, string reason);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Warning, Message = "EVM payment from {Payer} could not be verified (failing closed): {Failure}")]
    public static partial void VerifyUnavailable(ILogger logger, string payer, string failure);

    [LoggerMessage(EventId = 3123, Level = LogLevel.Warning, Message = "Facilitator reported payer {Reported} for an authorization from {Payer}: refused")]
    public static partial void PayerMismatch(ILogger logger, string reported, string payer);

    [LoggerMessage(EventId = 3124, Level = LogLevel.Information, Message = "Settled EVM payment from {Payer}: {Transaction} on {Network}")]
    public static partial void Settled(ILogger logger, string payer, string transaction, string network);

    [LoggerMessage(EventId = 3125, Level = LogLevel.Warning, Message = "EVM settlement from {Payer} failed: {Reason} (transient: {Transient})")]
    public static partial void SettleFailed(ILogger logger, string payer, string reason, bool transient);

    [LoggerMessage(EventId = 3126, Level = LogLevel.Warning, Message = "Route price {Price} cannot be sold on {Network}: {Reason}")]
    public static partial void CannotPrice(ILogger logger, string price, string network, string reason);
}
