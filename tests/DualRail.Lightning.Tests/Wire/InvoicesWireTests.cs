using Google.Protobuf;
using Grpc.Core;
using Invoicesrpc;
using Lnrpc;
using static DualRail.Lightning.Tests.Wire.EchoCall;

namespace DualRail.Lightning.Tests.Wire;

/// <summary>invoicesrpc.Invoices through our trimmed invoices.proto against LND's real one.</summary>
public sealed class InvoicesWireTests(LndEchoServer server) : IClassFixture<LndEchoServer>
{
    [Fact]
    public async Task AddHoldInvoice_fields_both_ways()
    {
        using var client = server.CreateClient();
        var hash = Bytes(32, 20);
        var call = client.Invoices.AddHoldInvoiceAsync(new AddHoldInvoiceRequest
        {
            Memo = "hold me",
            Hash = ByteString.CopyFrom(hash),
            ValueMsat = 77_000,
            Expiry = 120,
            CltvExpiry = 144,
            Private = true,
        }, Reply(new { payment_request = "lnbcrt770n1phold", add_index = "9", payment_addr = Base64(Bytes(32, 5)) }));
        var response = await call;
        var sent = Echo(await call.ResponseHeadersAsync)["request"]!;

        Assert.Equal("/invoicesrpc.Invoices/AddHoldInvoice", (string?)Echo(await call.ResponseHeadersAsync)["method"]);
        Assert.Equal("hold me", (string?)sent["memo"]);
        Assert.Equal(Hex(hash), (string?)sent["hash"]);
        Assert.Equal("77000", (string?)sent["value_msat"]);
        Assert.Equal("120", (string?)sent["expiry"]);
        Assert.Equal("144", (string?)sent["cltv_expiry"]);
        Assert.True((bool)sent["private"]!);
        Assert.Equal(("lnbcrt770n1phold", 9UL), (response.PaymentRequest, response.AddIndex));
        Assert.Equal(Bytes(32, 5), response.PaymentAddr.ToByteArray());
    }

    [Fact]
    public async Task Settle_and_cancel_send_their_single_field()
    {
        using var client = server.CreateClient();
        var settle = client.Invoices.SettleInvoiceAsync(new SettleInvoiceMsg { Preimage = ByteString.CopyFrom(Bytes(32, 1)) }, Reply(new { }));
        await settle;
        Assert.Equal(Hex(Bytes(32, 1)), (string?)Echo(await settle.ResponseHeadersAsync)["request"]!["preimage"]);

        var cancel = client.Invoices.CancelInvoiceAsync(new CancelInvoiceMsg { PaymentHash = ByteString.CopyFrom(Bytes(32, 2)) }, Reply(new { }));
        await cancel;
        Assert.Equal(Hex(Bytes(32, 2)), (string?)Echo(await cancel.ResponseHeadersAsync)["request"]!["payment_hash"]);
    }

    [Fact]
    public async Task SubscribeSingleInvoice_puts_r_hash_at_field_2_and_streams_states()
    {
        using var client = server.CreateClient();
        var hash = Bytes(32, 30);
        using var call = client.Invoices.SubscribeSingleInvoice(new SubscribeSingleInvoiceRequest { RHash = ByteString.CopyFrom(hash) }, Reply(new object[]
        {
            new { state = "OPEN", add_index = "4" },
            new { state = "ACCEPTED", add_index = "4" },
            new { state = "CANCELED", add_index = "4" },
        }));
        var states = new List<Invoice.Types.InvoiceState>();
        await foreach (var invoice in call.ResponseStream.ReadAllAsync())
            states.Add(invoice.State);

        Assert.Equal(Hex(hash), (string?)Echo(await call.ResponseHeadersAsync)["request"]!["r_hash"]);
        Assert.Equal([Invoice.Types.InvoiceState.Open, Invoice.Types.InvoiceState.Accepted, Invoice.Types.InvoiceState.Canceled], states);
    }

    [Fact]
    public async Task LookupInvoiceV2_sends_the_oneof_payment_hash()
    {
        using var client = server.CreateClient();
        var call = client.Invoices.LookupInvoiceV2Async(
            new LookupInvoiceMsg { PaymentHash = ByteString.CopyFrom(Bytes(32, 40)), LookupModifier = LookupModifier.HtlcSetBlank },
            Reply(new { memo = "v2", state = "OPEN" }));
        var invoice = await call;
        var sent = Echo(await call.ResponseHeadersAsync)["request"]!;

        Assert.Equal(Hex(Bytes(32, 40)), (string?)sent["payment_hash"]);
        Assert.Equal("payment_hash", (string?)sent["invoice_ref"]);
        Assert.Equal("HTLC_SET_BLANK", (string?)sent["lookup_modifier"]);
        Assert.Equal("v2", invoice.Memo);
    }
}
