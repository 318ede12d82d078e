using System.Text.Json.Nodes;
using DualRail.Lightning.Lnd;
using DualRail.TestSupport;
using Grpc.Core;
using Lnrpc;
using Routerrpc;

namespace DualRail.LoadBench.Stacks;

/// <summary>
/// The LND simulator as its own process (<c>dotnet DualRail.LndSim.dll --data-dir DIR --nodes merchant,payer</c>)
/// and an admin gRPC client of the payer node.
/// </summary>
internal sealed class LightningNodes : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private LightningNodes(ChildProcess process, LndNode merchant, LndNode payer)
    {
        _process = process;
        Merchant = merchant;
        Payer = ClientFor(payer);
    }

    public LndNode Merchant { get; }

    public LndClient Payer { get; }

    public static async Task<LightningNodes> StartAsync(string directory)
    {
        var process = Executables.Start(Executables.LndSimulator, ["--data-dir", Path.Combine(directory, "lnd"), "--nodes", "merchant,payer", "--port-base", "0"]);
        try
        {
            var ready = await ProcessOutput.WaitForAsync(process, "the simulator's ready line", ReadyLine);
            var nodes = ready["nodes"]!;
            return new LightningNodes(process, NodeFrom(nodes["merchant"]!), NodeFrom(nodes["payer"]!));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
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

    public async ValueTask DisposeAsync()
    {
        Payer.Dispose();
        await _process.DisposeAsync();
    }

    private static JsonObject? ReadyLine(string line)
    {
        if (!line.StartsWith('{'))
            return null;
        try
        {
            return JsonNode.Parse(line) is JsonObject json && json["ready"]?.GetValue<bool>() == true ? json : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // a partial line; read again
        }
    }

    private static LndNode NodeFrom(JsonNode node) => new(
        node["endpoint"]!.GetValue<string>(),
        node["tlsCertPath"]!.GetValue<string>(),
        node["macaroonPath"]!.GetValue<string>(),
        node["invoiceMacaroonPath"]!.GetValue<string>());

    private static LndClient ClientFor(LndNode node) => new(new LndClientOptions
    {
        Endpoint = node.Endpoint,
        TlsCertPath = node.TlsCertPath,
        MacaroonPath = node.AdminMacaroonPath,
    });
}
