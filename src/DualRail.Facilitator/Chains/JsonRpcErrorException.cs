namespace DualRail.Facilitator.Chains;

/// <summary>A JSON-RPC error answer other than a revert.</summary>
internal sealed class JsonRpcErrorException(string method, int code, string rpcMessage) : Exception($"{method} failed: {code} {rpcMessage}")
{
    public int Code { get; } = code;

    public string RpcMessage { get; } = rpcMessage;
}
