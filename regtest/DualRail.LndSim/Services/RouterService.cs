using DualRail.LndSim.Invoices;
using DualRail.LndSim.Nodes;
using DualRail.LndSim.Payments;
using Grpc.Core;
using Lnrpc;
using Routerrpc;
using System.Threading.Channels;

namespace DualRail.LndSim.Services;

/// <summary>routerrpc.Router: paying another simulated node's invoice, and tracking the payment.</summary>
internal sealed class RouterService(SimulatedNetwork network, PaymentProcessor payments) : Routerrpc.Router.RouterBase
{
    public override async Task SendPaymentV2(SendPaymentRequest request, IServerStreamWriter<Payment> responseStream, ServerCallContext context)
    {
        payments.Start(network.NodeOf(context), request, out var updates);
        await Stream(updates, request.NoInflightUpdates, responseStream, context);
    }

    public override async Task TrackPaymentV2(TrackPaymentRequest request, IServerStreamWriter<Payment> responseStream, ServerCallContext context)
    {
        var payment = network.NodeOf(context).Payments.Find(Convert.ToHexStringLower(request.PaymentHash.Span))
            ?? throw new RpcException(new Status(StatusCode.NotFound, LndInvoiceErrors.PaymentNotInitiated));
        await Stream(payment.Watch(), request.NoInflightUpdates, responseStream, context);
    }

    private Task Stream(ChannelReader<Payment> updates, bool finalOnly, IServerStreamWriter<Payment> responseStream, ServerCallContext context) =>
        StreamPump.PumpAsync(updates, responseStream, network, context,
            update => !finalOnly || update.Status is Payment.Types.PaymentStatus.Succeeded or Payment.Types.PaymentStatus.Failed);
}
