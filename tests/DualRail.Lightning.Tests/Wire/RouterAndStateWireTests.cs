using Google.Protobuf;
using Grpc.Core;
using Lnrpc;
using Routerrpc;
using static DualRail.Lightning.Tests.Wire.EchoCall;

namespace DualRail.Lightning.Tests.Wire;

/// <summary>routerrpc.Router and lnrpc.State through our trimmed protos against LND's real ones.</summary>
public sealed class RouterAndStateWireTests(LndEchoServer server) : IClassFixture<LndEchoServer>
{
    [Fact]
    public async Task SendPaymentV2_request_fields_and_payment_updates_both_ways()
    {
        using var client = server.CreateClient();
        var request = new SendPaymentRequest
        {
            PaymentRequest = "lnbcrt10u1ppay",
            TimeoutSeconds = 60,
            FeeLimitSat = 10,
            FeeLimitMsat = 0,
            AmtMsat = 1_000_000,
            NoInflightUpdates = false,
            AllowSelfPayment = true,
            MaxParts = 16,
            PaymentAddr = ByteString.CopyFrom(Bytes(32, 3)),
            CltvLimit = 500,
            TimePref = 0.5,
        };
        request.OutgoingChanIds.Add(123_456_789_012UL);
        request.DestFeatures.Add(FeatureBit.PaymentAddrReq);
        using var call = client.Router.SendPaymentV2(request, Reply(new object[]
        {
            new { payment_hash = "aa", status = "IN_FLIGHT", value_msat = "1000000", creation_time_ns = "1700000000000000000" },
            new { payment_hash = "aa", status = "SUCCEEDED", payment_preimage = "bb", value_sat = "1000", value_msat = "1000000", fee_sat = "1", fee_msat = "1000", payment_index = "3", failure_reason = "FAILURE_REASON_NONE", payment_request = "lnbcrt10u1ppay" },
        }));
        var updates = new List<Payment>();
        await foreach (var payment in call.ResponseStream.ReadAllAsync())
            updates.Add(payment);
        var sent = Echo(await call.ResponseHeadersAsync)["request"]!;

        Assert.Equal("lnbcrt10u1ppay", (string?)sent["payment_request"]);
        Assert.Equal(60, (int)sent["timeout_seconds"]!);
        Assert.Equal("10", (string?)sent["fee_limit_sat"]);
        Assert.Equal("1000000", (string?)sent["amt_msat"]);
        Assert.True((bool)sent["allow_self_payment"]!);
        Assert.Equal(16, (int)sent["max_parts"]!);
        Assert.Equal(Hex(Bytes(32, 3)), (string?)sent["payment_addr"]);
        Assert.Equal(500, (int)sent["cltv_limit"]!);
        Assert.Equal(0.5, (double)sent["time_pref"]!);
        Assert.Equal("123456789012", (string?)sent["outgoing_chan_ids"]![0]);
        Assert.Equal("PAYMENT_ADDR_REQ", (string?)sent["dest_features"]![0]);
        Assert.Equal("0", (string?)sent["outgoing_chan_id"]);

        Assert.Equal([Payment.Types.PaymentStatus.InFlight, Payment.Types.PaymentStatus.Succeeded], updates.Select(p => p.Status));
        Assert.Equal(1_700_000_000_000_000_000, updates[0].CreationTimeNs);
        var done = updates[1];
        Assert.Equal(("aa", "bb", 1000L, 1_000_000L, 1L, 1000L, 3UL, PaymentFailureReason.FailureReasonNone, "lnbcrt10u1ppay"),
            (done.PaymentHash, done.PaymentPreimage, done.ValueSat, done.ValueMsat, done.FeeSat, done.FeeMsat, done.PaymentIndex, done.FailureReason, done.PaymentRequest));
    }

    [Fact]
    public async Task A_failed_payment_carries_its_reason_and_AlreadyExists_is_a_status()
    {
        using var client = server.CreateClient();
        using var failed = client.Router.SendPaymentV2(new SendPaymentRequest { PaymentRequest = "x" },
            Reply(new object[] { new { status = "FAILED", failure_reason = "FAILURE_REASON_INCORRECT_PAYMENT_DETAILS" } }));
        var update = Assert.Single(await failed.ResponseStream.ReadAllAsync().ToListAsync());
        Assert.Equal((Payment.Types.PaymentStatus.Failed, PaymentFailureReason.FailureReasonIncorrectPaymentDetails), (update.Status, update.FailureReason));

        using var paid = client.Router.SendPaymentV2(new SendPaymentRequest { PaymentRequest = "x" },
            Reply(status: new { code = (int)StatusCode.AlreadyExists, details = "invoice is already paid" }));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await paid.ResponseStream.MoveNext());
        Assert.Equal((StatusCode.AlreadyExists, "invoice is already paid"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task TrackPaymentV2_sends_hash_and_flag()
    {
        using var client = server.CreateClient();
        using var call = client.Router.TrackPaymentV2(new TrackPaymentRequest { PaymentHash = ByteString.CopyFrom(Bytes(32, 8)), NoInflightUpdates = true },
            Reply(new object[] { new { status = "SUCCEEDED", payment_preimage = "cc" } }));
        var update = Assert.Single(await call.ResponseStream.ReadAllAsync().ToListAsync());
        var sent = Echo(await call.ResponseHeadersAsync)["request"]!;
        Assert.Equal(Hex(Bytes(32, 8)), (string?)sent["payment_hash"]);
        Assert.True((bool)sent["no_inflight_updates"]!);
        Assert.Equal("cc", update.PaymentPreimage);
    }

    [Theory]
    [InlineData("SERVER_ACTIVE", WalletState.ServerActive)]
    [InlineData("RPC_ACTIVE", WalletState.RpcActive)]
    [InlineData("WAITING_TO_START", WalletState.WaitingToStart)]
    [InlineData("LOCKED", WalletState.Locked)]
    public async Task GetState_reads_every_wallet_state(string lndName, WalletState expected)
    {
        using var client = server.CreateClient();
        var state = await client.State.GetStateAsync(new GetStateRequest(), Reply(new { state = lndName }));
        Assert.Equal(expected, state.State);
    }

    [Fact]
    public async Task SubscribeState_streams_states()
    {
        using var client = server.CreateClient();
        using var call = client.State.SubscribeState(new SubscribeStateRequest(),
            Reply(new object[] { new { state = "UNLOCKED" }, new { state = "RPC_ACTIVE" }, new { state = "SERVER_ACTIVE" } }));
        var states = await call.ResponseStream.ReadAllAsync().Select(s => s.State).ToListAsync();
        Assert.Equal([WalletState.Unlocked, WalletState.RpcActive, WalletState.ServerActive], states);
    }
}
