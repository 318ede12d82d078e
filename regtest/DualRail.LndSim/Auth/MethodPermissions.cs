using DualRail.LndSim.Nodes;

namespace DualRail.LndSim.Auth;

/// <summary>The permission LND requires for each RPC the simulator serves (rpcserver.go, invoicesrpc, routerrpc).</summary>
internal static class MethodPermissions
{
    private static readonly Dictionary<string, LndPermission> Required = new(StringComparer.Ordinal)
    {
        ["/lnrpc.Lightning/WalletBalance"] = LndPermission.OnchainRead,
        ["/lnrpc.Lightning/ChannelBalance"] = LndPermission.OffchainRead,
        ["/lnrpc.Lightning/GetInfo"] = LndPermission.InfoRead,
        ["/lnrpc.Lightning/AddInvoice"] = LndPermission.InvoicesWrite,
        ["/lnrpc.Lightning/ListInvoices"] = LndPermission.InvoicesRead,
        ["/lnrpc.Lightning/LookupInvoice"] = LndPermission.InvoicesRead,
        ["/lnrpc.Lightning/SubscribeInvoices"] = LndPermission.InvoicesRead,
        ["/lnrpc.Lightning/DecodePayReq"] = LndPermission.OffchainRead,
        ["/invoicesrpc.Invoices/SubscribeSingleInvoice"] = LndPermission.InvoicesRead,
        ["/invoicesrpc.Invoices/CancelInvoice"] = LndPermission.InvoicesWrite,
        ["/invoicesrpc.Invoices/AddHoldInvoice"] = LndPermission.InvoicesWrite,
        ["/invoicesrpc.Invoices/SettleInvoice"] = LndPermission.InvoicesWrite,
        ["/invoicesrpc.Invoices/LookupInvoiceV2"] = LndPermission.InvoicesWrite,
        ["/routerrpc.Router/SendPaymentV2"] = LndPermission.OffchainWrite,
        ["/routerrpc.Router/TrackPaymentV2"] = LndPermission.OffchainRead,
    };

    /// <summary>LND's State service is reachable without a macaroon (it answers before the wallet is unlocked).</summary>
    public static bool NeedsNoMacaroon(string method) => method.StartsWith("/lnrpc.State/", StringComparison.Ordinal);

    public static LndPermission? For(string method) => Required.TryGetValue(method, out var permission) ? permission : null;
}
