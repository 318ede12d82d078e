using Microsoft.Extensions.Logging;

namespace DualRail.Evm.Facilitators;

/// <summary>Source-generated logging of the facilitator client (event ids 3100-3119). Header values are never logged.</summary>
internal static partial class FacilitatorLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Facilitator {Facilitator} failed {Operation}: {Failure}")]
    public static partial void CallFailed(ILogger logger, string facilitator, string operation, string failure);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Facilitator {Facilitator} supports {Kinds}")]
    public static partial void SupportedRefreshed(ILogger logger, string facilitator, string kinds);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Facilitator {Facilitator} /supported failed ({Failure}); next attempt in {DelaySeconds} s")]
    public static partial void SupportedFailed(ILogger logger, string facilitator, string failure, double delaySeconds);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "No facilitator could verify {Kind}: {Failure}")]
    public static partial void VerifyUnavailable(ILogger logger, string kind, string failure);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Settlement outcome unknown at {Facilitator} ({Failure}); not re-sent elsewhere, it will be retried later")]
    public static partial void SettleUnknown(ILogger logger, string facilitator, string failure);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Facilitator {Facilitator} could not be reached for /settle ({Failure}); trying the next one")]
    public static partial void SettleFailover(ILogger logger, string facilitator, string failure);
}
