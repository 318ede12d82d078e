using System.Text.Json;
using DualRail.Evm.Abi;

namespace DualRail.Evm.Rpc;

/// <summary>eth_call or eth_estimateGas hit a revert; carries the revert data and its decoded reason.</summary>
public sealed class EvmRevertException : JsonRpcException
{
    /// <summary>Creates the exception from the error object and the decoded data.</summary>
    public EvmRevertException(string method, int code, string rpcMessage, JsonElement? data, byte[] revertData)
        : base(method, code, rpcMessage, data)
    {
        RevertData = revertData;
        Reason = RevertReason.Decode(revertData);
    }

    /// <summary>The raw revert data (may be empty).</summary>
    public byte[] RevertData { get; }

    /// <summary>The decoded reason: Error(string), Panic(uint256), custom or empty.</summary>
    public RevertReason Reason { get; }

    /// <summary>
    /// The best text for the reason: the Error(string) message, else the node's message with
    /// "execution reverted: " removed.
    /// </summary>
    public string ReasonText => Reason.Message
        ?? (RpcMessage.StartsWith("execution reverted: ", StringComparison.Ordinal) ? RpcMessage["execution reverted: ".Length..] : Reason.ToString());
}
