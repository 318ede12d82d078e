using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Lnrpc;
using static DualRail.Lightning.Tests.Wire.EchoCall;

namespace DualRail.Lightning.Tests.Wire;

/// <summary>
/// lnrpc.Lightning through our trimmed protos against a server on LND's real lightning.proto:
/// every field we send arrives under LND's name, every field LND sends lands in ours.
/// </summary>
public sealed class LightningWireTests(LndEchoServer server) : IClassFixture<LndEchoServer>
{
    [Fact]
    public async Task AddInvoice_fields_travel_under_LNDs_numbers_both_ways()
    {
        using var client = server.CreateClient();
        var preimage = Bytes(32, 1);
        var descriptionHash = Bytes(32, 100);
        var rHash = Bytes(32, 50);
        var paymentAddr = Bytes(32, 200);
        var request = new Invoice
        {
            Memo = "1 cup coffee ☕",
            RPreimage = ByteString.CopyFrom(preimage),
            ValueMsat = 123_456_789,
            DescriptionHash = ByteString.CopyFrom(descriptionHash),
            Expiry = 600,
            FallbackAddr = "bcrt1qfallback",
            CltvExpiry = 40,
            Private = true,
            IsAmp = false,
        };
        request.RouteHints.Add(new RouteHint { HopHints = { new HopHint { NodeId = "02ab", ChanId = 9_007_199_254_740_993, FeeBaseMsat = 1000, FeeProportionalMillionths = 2500, CltvExpiryDelta = 40 } } });

        var call = client.Lightning.AddInvoiceAsync(request, Reply(new
        {
            r_hash = Base64(rHash),
            payment_request = "lnbcrt1234n1pexample",
            add_index = "18446744073709551615",
            payment_addr = Base64(paymentAddr),
        }));
        var response = await call;
        var echo = Echo(await call.ResponseHeadersAsync);

        Assert.Equal("/lnrpc.Lightning/AddInvoice", (string?)echo["method"]);
        var sent = echo["request"]!;
        Assert.Equal("1 cup coffee ☕", (string?)sent["memo"]);
        Assert.Equal(Hex(preimage), (string?)sent["r_preimage"]);
        Assert.Equal("123456789", (string?)sent["value_msat"]);
        Assert.Equal("0", (string?)sent["value"]);
        Assert.Equal(Hex(descriptionHash), (string?)sent["description_hash"]);
        Assert.Equal("600", (string?)sent["expiry"]);
        Assert.Equal("bcrt1qfallback", (string?)sent["fallback_addr"]);
        Assert.Equal("40", (string?)sent["cltv_expiry"]);
        Assert.True((bool)sent["private"]!);
        var hop = sent["route_hints"]![0]!["hop_hints"]![0]!;
        Assert.Equal("02ab", (string?)hop["node_id"]);
        Assert.Equal("9007199254740993", (string?)hop["chan_id"]);
        Assert.Equal(2500, (int)hop["fee_proportional_millionths"]!);
        Assert.Equal(40, (int)hop["cltv_expiry_delta"]!);

        Assert.Equal(rHash, response.RHash.ToByteArray());
        Assert.Equal("lnbcrt1234n1pexample", response.PaymentRequest);
        Assert.Equal(ulong.MaxValue, response.AddIndex);
        Assert.Equal(paymentAddr, response.PaymentAddr.ToByteArray());
    }

    [Fact]
    public async Task The_macaroon_goes_out_as_exactly_one_hex_metadata_value()
    {
        using var client = server.CreateClient();
        var call = client.Lightning.GetInfoAsync(new GetInfoRequest(), Reply(new { }));
        await call;
        var macaroons = Echo(await call.ResponseHeadersAsync)["macaroon"]!.AsArray();
        Assert.Equal([LndEchoServer.MacaroonHex], macaroons.Select(m => (string?)m));
    }

    [Fact]
    public async Task LookupInvoice_sends_r_hash_at_field_2_and_reads_every_invoice_field()
    {
        using var client = server.CreateClient();
        var rHash = Bytes(32, 7);
        var preimage = Bytes(32, 9);
        var paymentAddr = Bytes(32, 11);
        var call = client.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = ByteString.CopyFrom(rHash) }, Reply(new
        {
            memo = "paid thing",
            r_preimage = Base64(preimage),
            r_hash = Base64(rHash),
            value = "5000",
            value_msat = "5000000",
            settled = true,
            creation_date = "1700000000",
            settle_date = "1700000123",
            payment_request = "lnbcrt50u1pexample",
            expiry = "3600",
            cltv_expiry = "80",
            add_index = "12",
            settle_index = "5",
            amt_paid_sat = "5000",
            amt_paid_msat = "5000000",
            state = "SETTLED",
            payment_addr = Base64(paymentAddr),
            is_keysend = false,
        }));
        var invoice = await call;
        var sent = Echo(await call.ResponseHeadersAsync)["request"]!;

        Assert.Equal(Hex(rHash), (string?)sent["r_hash"]);
        Assert.Equal("", (string?)sent["r_hash_str"]);
        Assert.Equal("paid thing", invoice.Memo);
        Assert.Equal(preimage, invoice.RPreimage.ToByteArray());
        Assert.Equal(rHash, invoice.RHash.ToByteArray());
        Assert.Equal(5000, invoice.Value);
        Assert.Equal(5_000_000, invoice.ValueMsat);
        Assert.True(invoice.Settled);
        Assert.Equal(1_700_000_000, invoice.CreationDate);
        Assert.Equal(1_700_000_123, invoice.SettleDate);
        Assert.Equal("lnbcrt50u1pexample", invoice.PaymentRequest);
        Assert.Equal(3600, invoice.Expiry);
        Assert.Equal(80UL, invoice.CltvExpiry);
        Assert.Equal(12UL, invoice.AddIndex);
        Assert.Equal(5UL, invoice.SettleIndex);
        Assert.Equal(5000, invoice.AmtPaidSat);
        Assert.Equal(5_000_000, invoice.AmtPaidMsat);
        Assert.Equal(Invoice.Types.InvoiceState.Settled, invoice.State);
        Assert.Equal(paymentAddr, invoice.PaymentAddr.ToByteArray());
    }

    [Fact]
    public async Task LookupInvoice_NotFound_arrives_as_the_status_LND_sends()
    {
        using var client = server.CreateClient();
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.LookupInvoiceAsync(
            new PaymentHash { RHash = ByteString.CopyFrom(Bytes(32, 3)) },
            Reply(status: new { code = (int)StatusCode.NotFound, details = "unable to locate invoice" })));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("unable to locate invoice", error.Status.Detail);
    }

    [Fact]
    public async Task ListInvoices_pagination_fields_both_ways()
    {
        using var client = server.CreateClient();
        var call = client.Lightning.ListInvoicesAsync(
            new ListInvoiceRequest { PendingOnly = true, IndexOffset = 40, NumMaxInvoices = 25, Reversed = true, CreationDateStart = 1_600_000_000, CreationDateEnd = 1_800_000_000 },
            Reply(new
            {
                invoices = new object[] { new { memo = "a", add_index = "39", state = "OPEN" }, new { memo = "b", add_index = "38", state = "ACCEPTED" } },
                last_index_offset = "38",
                first_index_offset = "39",
            }));
        var response = await call;
        var sent = Echo(await call.ResponseHeadersAsync)["request"]!;

        Assert.True((bool)sent["pending_only"]!);
        Assert.Equal("40", (string?)sent["index_offset"]);
        Assert.Equal("25", (string?)sent["num_max_invoices"]);
        Assert.True((bool)sent["reversed"]!);
        Assert.Equal("1600000000", (string?)sent["creation_date_start"]);
        Assert.Equal("1800000000", (string?)sent["creation_date_end"]);
        Assert.Equal(["a", "b"], response.Invoices.Select(i => i.Memo));
        Assert.Equal([39UL, 38UL], response.Invoices.Select(i => i.AddIndex));
        Assert.Equal(Invoice.Types.InvoiceState.Accepted, response.Invoices[1].State);
        Assert.Equal(38UL, response.LastIndexOffset);
        Assert.Equal(39UL, response.FirstIndexOffset);
    }

    [Fact]
    public async Task SubscribeInvoices_sends_both_indexes_and_reads_the_stream()
    {
        using var client = server.CreateClient();
        using var call = client.Lightning.SubscribeInvoices(new InvoiceSubscription { AddIndex = 5, SettleIndex = 7 }, Reply(new object[]
        {
            new { memo = "new", add_index = "6", state = "OPEN" },
            new { memo = "paid", add_index = "3", settle_index = "8", state = "SETTLED", amt_paid_msat = "21000" },
        }));
        var received = new List<Invoice>();
        await foreach (var invoice in call.ResponseStream.ReadAllAsync())
            received.Add(invoice);
        var sent = Echo(await call.ResponseHeadersAsync)["request"]!;

        Assert.Equal("5", (string?)sent["add_index"]);
        Assert.Equal("7", (string?)sent["settle_index"]);
        Assert.Equal(2, received.Count);
        Assert.Equal((6UL, Invoice.Types.InvoiceState.Open), (received[0].AddIndex, received[0].State));
        Assert.Equal((8UL, Invoice.Types.InvoiceState.Settled, 21_000L), (received[1].SettleIndex, received[1].State, received[1].AmtPaidMsat));
    }

    [Fact]
    public async Task GetInfo_identity_chain_and_height_arrive()
    {
        using var client = server.CreateClient();
        var pubkey = "02" + new string('a', 64);
        var info = await client.Lightning.GetInfoAsync(new GetInfoRequest(), Reply(new
        {
            version = "0.21.2-beta",
            identity_pubkey = pubkey,
            alias = "merchant",
            block_height = 812,
            block_hash = "00ff",
            synced_to_chain = true,
            chains = new[] { new { chain = "bitcoin", network = "regtest" } },
            uris = new[] { pubkey + "@127.0.0.1:9735" },
            num_active_channels = 2,
        }));

        Assert.Equal("0.21.2-beta", info.Version);
        Assert.Equal(pubkey, info.IdentityPubkey);
        Assert.Equal("merchant", info.Alias);
        Assert.Equal(812U, info.BlockHeight);
        Assert.Equal("00ff", info.BlockHash);
        Assert.True(info.SyncedToChain);
        Assert.Equal("regtest", Assert.Single(info.Chains).Network);
        Assert.Equal(pubkey + "@127.0.0.1:9735", Assert.Single(info.Uris));
        Assert.Equal(2U, info.NumActiveChannels);
    }

    [Fact]
    public async Task DecodePayReq_and_balances_arrive()
    {
        using var client = server.CreateClient();
        var decodeCall = client.Lightning.DecodePayReqAsync(new PayReqString { PayReq = "lnbcrt1pexample" }, Reply(new
        {
            destination = "03dest",
            payment_hash = "abcd",
            num_satoshis = "21",
            timestamp = "1700000000",
            expiry = "60",
            description = "coffee",
            cltv_expiry = "24",
            payment_addr = Base64(Bytes(32, 1)),
            num_msat = "21000",
        }));
        var payReq = await decodeCall;
        Assert.Equal("lnbcrt1pexample", (string?)Echo(await decodeCall.ResponseHeadersAsync)["request"]!["pay_req"]);
        Assert.Equal(("03dest", "abcd", 21L, 1_700_000_000L, 60L, "coffee", 24L, 21_000L),
            (payReq.Destination, payReq.PaymentHash, payReq.NumSatoshis, payReq.Timestamp, payReq.Expiry, payReq.Description, payReq.CltvExpiry, payReq.NumMsat));
        Assert.Equal(Bytes(32, 1), payReq.PaymentAddr.ToByteArray());

        var walletCall = client.Lightning.WalletBalanceAsync(new WalletBalanceRequest { Account = "default", MinConfs = 3 },
            Reply(new { total_balance = "150", confirmed_balance = "100", unconfirmed_balance = "50", locked_balance = "7" }));
        var wallet = await walletCall;
        var walletSent = Echo(await walletCall.ResponseHeadersAsync)["request"]!;
        Assert.Equal(("default", 3), ((string?)walletSent["account"], (int)walletSent["min_confs"]!));
        Assert.Equal((150L, 100L, 50L, 7L), (wallet.TotalBalance, wallet.ConfirmedBalance, wallet.UnconfirmedBalance, wallet.LockedBalance));

        var channels = await client.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest(), Reply(new
        {
            local_balance = new { sat = "1000", msat = "1000000" },
            remote_balance = new { sat = "2000", msat = "2000000" },
        }));
        Assert.Equal((1000UL, 1_000_000UL, 2000UL, 2_000_000UL),
            (channels.LocalBalance.Sat, channels.LocalBalance.Msat, channels.RemoteBalance.Sat, channels.RemoteBalance.Msat));
    }

    internal static JsonNode Sent(Metadata headers) => Echo(headers)["request"]!;
}
