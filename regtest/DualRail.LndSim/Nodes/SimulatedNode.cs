using DualRail.LndSim.Invoices;
using DualRail.LndSim.Payments;
using DualRail.LndSim.Tls;

namespace DualRail.LndSim.Nodes;

/// <summary>One simulated LND node: identity key, TLS certificate, macaroons, balances, invoices and payments.</summary>
public sealed class SimulatedNode : IDisposable
{
    internal SimulatedNode(string name, int port, NodeFiles files, NodeBalances balances, TimeProvider timeProvider)
    {
        Name = name;
        Port = port;
        Files = files;
        Balances = balances;
        Identity = NodeIdentity.Generate();
        Macaroons = new NodeMacaroons();
        Tls = SelfSignedTlsCertificate.Create($"lndsim {name}", timeProvider);
        Invoices = new InvoiceRegistry(timeProvider);
        Payments = new PaymentRegistry();
    }

    public string Name { get; }

    public int Port { get; }

    public string Endpoint => $"https://127.0.0.1:{Port}";

    public NodeFiles Files { get; }

    public NodeIdentity Identity { get; }

    public NodeMacaroons Macaroons { get; }

    public NodeBalances Balances { get; }

    public SelfSignedTlsCertificate Tls { get; }

    internal InvoiceRegistry Invoices { get; }

    internal PaymentRegistry Payments { get; }

    /// <summary>Writes tls.cert, tls.key and the three macaroon files.</summary>
    internal void WriteFiles()
    {
        Tls.WritePem(Files.Directory);
        Directory.CreateDirectory(Path.GetDirectoryName(Files.AdminMacaroonPath)!);
        File.WriteAllBytes(Files.AdminMacaroonPath, Macaroons.Admin);
        File.WriteAllBytes(Files.InvoiceMacaroonPath, Macaroons.Invoice);
        File.WriteAllBytes(Files.ReadOnlyMacaroonPath, Macaroons.ReadOnly);
    }

    public void Dispose() => Tls.Dispose();
}
