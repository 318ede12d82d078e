using System.Text.Json;

namespace DualRail.Evm.Rpc;

/// <summary>The node answered a JSON-RPC error object: <c>{"code": …, "message": …, "data": …}</c>.</summary>
public class JsonRpcException : Exception
{
    /// <summary>Creates the exception for <paramref name="method"/>'s error object.</summary>
    public JsonRpcException(string method, int code, string rpcMessage, JsonElement? data)
        : base($"{method} failed with JSON-RPC error {code}: {rpcMessage}")
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data;
    }

    /// <summary>The method that failed.</summary>
    public string Method { get; }

    /// <summary>The error code (e.g. 3 for a revert, -32000 for many node refusals, -32601 unknown method).</summary>
    public int Code { get; }

    /// <summary>The node's message.</summary>
    public string RpcMessage { get; }

    /// <summary>The error's data member, when present.</summary>
    public JsonElement? ErrorData { get; }
}
