using DualRail.Lightning.Lnd;
using DualRail.LndSim.Hosting;
using DualRail.LndSim.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Lnrpc;
using Routerrpc;

namespace DualRail.LoadBench.Stacks;

/// <summary>The LND simulator (merchant and payer nodes, in this process) and admin clients for both.</summary>
internal sealed class LightningNodes : IAsyncDisposable
{
    private readonly LndSimulatorHost _simulator;

    private LightningNodes(LndSimulatorHost simulator)
    {
        _simulator = simulator;
        Payer = ClientFor(simulator.Node("payer"));
        MerchantAdmin = ClientFor(simulator.Node("merchant"));
    }

    public SimulatedNode Merchant => _simulator.Node("merchant");

    public LndClient Payer { get; }

    public LndClient MerchantAdmin { get; }

    public static async Task<LightningNodes> StartAsync(string directory)
    {
        var simulator = new LndSimulatorHost(new LndSimulatorOptions { DataDir = Path.Combine(directory, "lnd") });
        await simulator.StartAsync();
        return new LightningNodes(simulator);
    }

    /// <summary>Pays a BOLT11 invoice from the payer node (SendPaymentV2); returns the preimage (hex).</summary>
    public async Task<string> PayAsync(string invoice)
    {
        using var call = Payer.Router.SendPaymentV2(new SendPaymentRequest { PaymentRequest = invoice, TimeoutSeconds = 60, FeeLimitSat = 100 });
        await foreach (var payment in call.ResponseStream.ReadAllAsync())
        {
            if (payment.Status == Payment.Types.PaymentStatus.Succeeded)
                return payment.PaymentPreimage;
            if (payment.Status == Payment.Types.PaymentStatus.Failed)
                throw new InvalidOperationException($"Payment failed: {payment.FailureReason}");
        }
        throw new InvalidOperationException("SendPaymentV2 ended without an outcome.");
    }

    /// <summary>True when the merchant node reports the invoice settled (LookupInvoice).</summary>
    public async Task<bool> IsSettledAsync(string paymentHashHex)
    {
        var invoice = await MerchantAdmin.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = ByteString.CopyFrom(Convert.FromHexString(paymentHashHex)) });
        return invoice.State == Invoice.Types.InvoiceState.Settled;
    }

    public async ValueTask DisposeAsync()
    {
        Payer.Dispose();
        MerchantAdmin.Dispose();
        await _simulator.DisposeAsync();
    }

    private static LndClient ClientFor(SimulatedNode node) => new(new LndClientOptions
    {
        Endpoint = node.Endpoint,
        TlsCertPath = node.Files.TlsCertPath,
        MacaroonPath = node.Files.AdminMacaroonPath,
    });
}
