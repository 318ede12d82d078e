namespace DualRail.LndSim.Nodes;

/// <summary>Where a node's files live, in LND's layout: &lt;node&gt;/tls.cert and &lt;node&gt;/data/chain/bitcoin/regtest/*.macaroon.</summary>
public sealed record NodeFiles(string Directory, string TlsCertPath, string TlsKeyPath, string AdminMacaroonPath, string InvoiceMacaroonPath, string ReadOnlyMacaroonPath)
{
    public static NodeFiles For(string dataDir, string nodeName)
    {
        var directory = Path.GetFullPath(Path.Combine(dataDir, nodeName));
        var macaroons = Path.Combine(directory, "data", "chain", "bitcoin", "regtest");
        return new NodeFiles(
            directory,
            Path.Combine(directory, "tls.cert"),
            Path.Combine(directory, "tls.key"),
            Path.Combine(macaroons, "admin.macaroon"),
            Path.Combine(macaroons, "invoice.macaroon"),
            Path.Combine(macaroons, "readonly.macaroon"));
    }
}
