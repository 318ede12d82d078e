using DualRail.LndSim.Invoices;
using DualRail.LndSim.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Invoicesrpc;
using Lnrpc;

namespace DualRail.LndSim.Services;

/// <summary>invoicesrpc.Invoices: hold invoices and the single-invoice subscription.</summary>
internal sealed class InvoicesService(SimulatedNetwork network) : Invoicesrpc.Invoices.InvoicesBase
{
    public override Task<AddHoldInvoiceResp> AddHoldInvoice(AddHoldInvoiceRequest request, ServerCallContext context)
    {
        var node = network.NodeOf(context);
        var draft = InvoiceDraftValidator.FromAddHoldInvoice(request);
        var invoice = node.Invoices.Add(draft, (d, addr, date) => PaymentRequestFactory.Encode(d, addr, date, node.Identity));
        return Task.FromResult(new AddHoldInvoiceResp
        {
            PaymentRequest = invoice.PaymentRequest,
            AddIndex = invoice.AddIndex,
            PaymentAddr = ByteString.CopyFrom(invoice.PaymentAddr),
        });
    }

    public override Task<SettleInvoiceResp> SettleInvoice(SettleInvoiceMsg request, ServerCallContext context)
    {
        if (request.Preimage.Length != 32)
            throw new RpcException(new Status(StatusCode.Unknown, $"invalid preimage length of {request.Preimage.Length}, want 32"));
        network.NodeOf(context).Invoices.SettleHold(request.Preimage.ToByteArray());
        return Task.FromResult(new SettleInvoiceResp());
    }

    public override Task<CancelInvoiceResp> CancelInvoice(CancelInvoiceMsg request, ServerCallContext context)
    {
        network.NodeOf(context).Invoices.Cancel(Hash(request.PaymentHash));
        return Task.FromResult(new CancelInvoiceResp());
    }

    public override Task<Invoice> LookupInvoiceV2(LookupInvoiceMsg request, ServerCallContext context)
    {
        var invoices = network.NodeOf(context).Invoices;
        var invoice = request.InvoiceRefCase switch
        {
            LookupInvoiceMsg.InvoiceRefOneofCase.PaymentHash => invoices.Lookup(Hash(request.PaymentHash)),
            LookupInvoiceMsg.InvoiceRefOneofCase.PaymentAddr => invoices.LookupByPaymentAddr(request.PaymentAddr.Span),
            _ => throw new RpcException(new Status(StatusCode.Unimplemented, "the simulator looks invoices up by payment_hash or payment_addr only")),
        };
        return Task.FromResult(invoice ?? throw new RpcException(new Status(StatusCode.NotFound, LndInvoiceErrors.NotFound)));
    }

    public override async Task SubscribeSingleInvoice(SubscribeSingleInvoiceRequest request, IServerStreamWriter<Invoice> responseStream, ServerCallContext context)
    {
        using var stream = network.NodeOf(context).Invoices.SubscribeSingle(Hash(request.RHash));
        // Like LND, the stream ends (without error) once the invoice reached a terminal state.
        await StreamPump.PumpAsync(stream.Reader, responseStream, network, context,
            isLast: invoice => invoice.State is Invoice.Types.InvoiceState.Settled or Invoice.Types.InvoiceState.Canceled);
    }

    private static byte[] Hash(ByteString hash) => hash.Length == 32
        ? hash.ToByteArray()
        : throw new RpcException(new Status(StatusCode.Unknown, $"invalid hash length of {hash.Length}, want 32"));
}
