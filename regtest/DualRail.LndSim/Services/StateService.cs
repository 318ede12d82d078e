using DualRail.LndSim.Nodes;
using Grpc.Core;
using Lnrpc;

namespace DualRail.LndSim.Services;

/// <summary>lnrpc.State: a running simulated node is always SERVER_ACTIVE. Needs no macaroon, as in LND.</summary>
internal sealed class StateService(SimulatedNetwork network) : State.StateBase
{
    public override Task<GetStateResponse> GetState(GetStateRequest request, ServerCallContext context) =>
        Task.FromResult(new GetStateResponse { State = WalletState.ServerActive });

    public override async Task SubscribeState(SubscribeStateRequest request, IServerStreamWriter<SubscribeStateResponse> responseStream, ServerCallContext context)
    {
        // The current state, then nothing more until the stream is dropped.
        var states = System.Threading.Channels.Channel.CreateUnbounded<SubscribeStateResponse>();
        states.Writer.TryWrite(new SubscribeStateResponse { State = WalletState.ServerActive });
        await StreamPump.PumpAsync(states.Reader, responseStream, network, context);
    }
}
