using Microsoft.Extensions.Logging;

namespace DualRail.Facilitator.Logging;

/// <summary>The facilitator's log messages (event ids 4000-4099). Keys and signatures are never logged.</summary>
internal static partial class FacilitatorLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Facilitator relayer {Relayer} serves {Networks}")]
    public static partial void Started(ILogger logger, string relayer, string networks);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Verify on {Network} rejected for {Payer}: {Reason}")]
    public static partial void VerifyRejected(ILogger logger, string network, string? payer, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Settlement of {Key} sent on {Network}: {Transaction} (relayer nonce {Nonce})")]
    public static partial void SettlementSent(ILogger logger, string key, string network, string transaction, long nonce);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Settlement {Transaction} on {Network} confirmed in block {Block}")]
    public static partial void SettlementConfirmed(ILogger logger, string transaction, string network, long block);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Settlement {Transaction} on {Network} reverted: {Reason}")]
    public static partial void SettlementReverted(ILogger logger, string transaction, string network, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "No receipt for {Transaction} on {Network} within {Timeout}; answering settlement_pending")]
    public static partial void ReceiptTimeout(ILogger logger, string transaction, string network, TimeSpan timeout);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Settlement of {Key} already done: {Transaction} ({Status})")]
    public static partial void SettlementReplayed(ILogger logger, string key, string transaction, string status);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Relayer nonce {Nonce} refused on {Network} ({NodeMessage}); resyncing")]
    public static partial void NonceResync(ILogger logger, string network, long nonce, string nodeMessage);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Chain RPC for {Network} failed during {Operation}")]
    public static partial void RpcFailed(ILogger logger, Exception exception, string network, string operation);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "The RPC node for {Network} reports chain id {Actual}; settlements there will fail. Fix {Section}:Chains")]
    public static partial void ChainIdMismatch(ILogger logger, string network, long actual, string section);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "The RPC node for {Network} did not answer eth_chainId at start; it is checked again on use")]
    public static partial void ChainUnreachableAtStart(ILogger logger, Exception exception, string network);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Settlement {Transaction} on {Network} is unknown to the node (dropped or never sent); settling again")]
    public static partial void SettlementDropped(ILogger logger, string transaction, string network);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Polling receipts on {Network} failed; trying again at the next poll")]
    public static partial void ReceiptPollFailed(ILogger logger, Exception exception, string network);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "The node refused relayer nonce {Nonce} on {Network} ({NodeMessage}); the transactions behind it are signed again from that nonce")]
    public static partial void BroadcastRefused(ILogger logger, string network, long nonce, string nodeMessage);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Debug, Message = "Rejected a malformed {Endpoint} request: {Error}")]
    public static partial void MalformedRequest(ILogger logger, string endpoint, string error);
}
