namespace DualRail.TestSupport;

/// <summary>A JSON-RPC error answered by Anvil (e.g. code 3 "execution reverted: ..." with revert data).</summary>
public sealed class AnvilRpcException(string method, int code, string rpcMessage, string? data)
    : Exception($"{method} failed: {code} {rpcMessage}")
{
    public int Code { get; } = code;

    public string RpcMessage { get; } = rpcMessage;

    /// <summary>Revert data (hex) when the call reverted, e.g. 0x08c379a0 + abi.encode(reason).</summary>
    public string? RevertData { get; } = data;
}
