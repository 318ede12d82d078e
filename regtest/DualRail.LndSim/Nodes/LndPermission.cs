namespace DualRail.LndSim.Nodes;

/// <summary>A macaroon permission as LND names them: entity:action, e.g. invoices:write.</summary>
public readonly record struct LndPermission(string Entity, string Action)
{
    public static readonly LndPermission InfoRead = new("info", "read");
    public static readonly LndPermission InvoicesRead = new("invoices", "read");
    public static readonly LndPermission InvoicesWrite = new("invoices", "write");
    public static readonly LndPermission OffchainRead = new("offchain", "read");
    public static readonly LndPermission OffchainWrite = new("offchain", "write");
    public static readonly LndPermission OnchainRead = new("onchain", "read");
    public static readonly LndPermission OnchainWrite = new("onchain", "write");
    public static readonly LndPermission AddressRead = new("address", "read");
    public static readonly LndPermission AddressWrite = new("address", "write");

    public override string ToString() => $"{Entity}:{Action}";
}
