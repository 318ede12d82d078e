namespace DualRail.Evm.Rpc;

/// <summary>
/// The node could not be reached, answered with a non-success HTTP status, timed out, or sent
/// something that is not a JSON-RPC response. The message never contains the endpoint's path or query
/// (RPC URLs often embed API keys).
/// </summary>
public sealed class JsonRpcTransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsonRpcTransportException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
