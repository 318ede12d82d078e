using DualRail.Lightning.Bolt11;
using DualRail.LndSim.Invoices;
using DualRail.LndSim.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Lnrpc;

namespace DualRail.LndSim.Services;

/// <summary>lnrpc.Lightning: node info, balances and the invoice API of a simulated node.</summary>
internal sealed class LightningService(SimulatedNetwork network) : Lnrpc.Lightning.LightningBase
{
    public const string Version = "0.21.2-beta dualrail-lndsim (simulates LND's invoice API; not LND)";

    public override Task<GetInfoResponse> GetInfo(GetInfoRequest request, ServerCallContext context)
    {
        var node = network.NodeOf(context);
        var peers = (uint)(network.Nodes.Count - 1);
        var response = new GetInfoResponse
        {
            Version = Version,
            IdentityPubkey = node.Identity.PublicKeyHex,
            Alias = $"{node.Name} (LndSim, not LND)",
            Color = "#3399ff",
            NumActiveChannels = peers,
            NumPeers = peers,
            BlockHeight = network.BlockHeight,
            BlockHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(network.BlockHeight))),
            BestHeaderTimestamp = network.TimeProvider.GetUtcNow().ToUnixTimeSeconds(),
            SyncedToChain = true,
            SyncedToGraph = true,
            Chains = { new Chain { Chain_ = "bitcoin", Network = "regtest" } },
            Uris = { $"{node.Identity.PublicKeyHex}@127.0.0.1:{node.Port}" },
        };
        return Task.FromResult(response);
    }

    public override Task<WalletBalanceResponse> WalletBalance(WalletBalanceRequest request, ServerCallContext context)
    {
        var sat = network.NodeOf(context).Balances.WalletSat;
        return Task.FromResult(new WalletBalanceResponse { TotalBalance = sat, ConfirmedBalance = sat });
    }

    public override Task<ChannelBalanceResponse> ChannelBalance(ChannelBalanceRequest request, ServerCallContext context)
    {
        var (local, remote) = network.NodeOf(context).Balances.Channel;
        return Task.FromResult(new ChannelBalanceResponse
        {
            LocalBalance = new Amount { Sat = (ulong)(local / 1000), Msat = (ulong)local },
            RemoteBalance = new Amount { Sat = (ulong)(remote / 1000), Msat = (ulong)remote },
            UnsettledLocalBalance = new Amount(),
            UnsettledRemoteBalance = new Amount(),
            PendingOpenLocalBalance = new Amount(),
            PendingOpenRemoteBalance = new Amount(),
        });
    }

    public override Task<AddInvoiceResponse> AddInvoice(Invoice request, ServerCallContext context)
    {
        var node = network.NodeOf(context);
        var draft = InvoiceDraftValidator.FromAddInvoice(request);
        var invoice = node.Invoices.Add(draft, (d, addr, date) => PaymentRequestFactory.Encode(d, addr, date, node.Identity));
        return Task.FromResult(new AddInvoiceResponse
        {
            RHash = ByteString.CopyFrom(invoice.Hash),
            PaymentRequest = invoice.PaymentRequest,
            AddIndex = invoice.AddIndex,
            PaymentAddr = ByteString.CopyFrom(invoice.PaymentAddr),
        });
    }

    public override Task<Invoice> LookupInvoice(PaymentHash request, ServerCallContext context)
    {
        byte[] hash;
        if (!request.RHash.IsEmpty)
            hash = request.RHash.ToByteArray();
        else if (!DualRail.Crypto.Hex.TryDecode(request.RHashStr, out hash))
            throw new RpcException(new Status(StatusCode.Unknown, "unable to decode r_hash_str as hex"));
        if (hash.Length != 32)
            throw new RpcException(new Status(StatusCode.Unknown, $"payment hash must be exactly 32 bytes, is {hash.Length}"));

        var invoice = network.NodeOf(context).Invoices.Lookup(hash)
            ?? throw new RpcException(new Status(StatusCode.NotFound, LndInvoiceErrors.NotFound));
        return Task.FromResult(invoice);
    }

    public override Task<ListInvoiceResponse> ListInvoices(ListInvoiceRequest request, ServerCallContext context) =>
        Task.FromResult(network.NodeOf(context).Invoices.Query(request));

    public override async Task SubscribeInvoices(InvoiceSubscription request, IServerStreamWriter<Invoice> responseStream, ServerCallContext context)
    {
        using var stream = network.NodeOf(context).Invoices.SubscribeAll(request.AddIndex, request.SettleIndex);
        await StreamPump.PumpAsync(stream.Reader, responseStream, network, context);
    }

    public override Task<PayReq> DecodePayReq(PayReqString request, ServerCallContext context)
    {
        Bolt11Invoice invoice;
        try
        {
            invoice = Bolt11Decoder.Decode(request.PayReq, Bolt11Network.Regtest);
        }
        catch (Bolt11FormatException ex) when (ex.Error == Bolt11FormatError.WrongNetwork)
        {
            throw new RpcException(new Status(StatusCode.Unknown, LndInvoiceErrors.WrongNetwork));
        }
        catch (Bolt11FormatException ex)
        {
            throw new RpcException(new Status(StatusCode.Unknown, $"invalid payment request: {ex.Reason}"));
        }

        return Task.FromResult(new PayReq
        {
            Destination = invoice.PayeePublicKeyHex,
            PaymentHash = invoice.PaymentHashHex,
            NumSatoshis = (invoice.AmountMsat ?? 0) / 1000,
            NumMsat = invoice.AmountMsat ?? 0,
            Timestamp = invoice.Timestamp,
            Expiry = invoice.ExpirySeconds,
            Description = invoice.Description ?? "",
            DescriptionHash = invoice.DescriptionHash is null ? "" : Convert.ToHexStringLower(invoice.DescriptionHash),
            CltvExpiry = invoice.MinFinalCltvExpiryDelta,
            PaymentAddr = ByteString.CopyFrom(invoice.PaymentSecret),
        });
    }
}
