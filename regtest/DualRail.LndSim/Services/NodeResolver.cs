using DualRail.LndSim.Nodes;
using Grpc.Core;

namespace DualRail.LndSim.Services;

/// <summary>Each node listens on its own port; a call belongs to the node whose port it arrived on.</summary>
internal static class NodeResolver
{
    public static SimulatedNode NodeOf(this SimulatedNetwork network, ServerCallContext context) =>
        network.NodeOnPort(context.GetHttpContext().Connection.LocalPort)
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "no simulated node on this port"));
}
