using System.Security.Cryptography;
using Grpc.Core;
using Invoicesrpc;
using Lnrpc;

namespace DualRail.LndSim.Invoices;

/// <summary>Checks AddInvoice / AddHoldInvoice requests the way LND does (lnrpc/invoicesrpc/addinvoice.go) and applies its defaults.</summary>
internal static class InvoiceDraftValidator
{
    public const long DefaultExpirySeconds = 86_400;
    public const long MaxExpirySeconds = 31_536_000;
    public const ulong DefaultCltvExpiry = 80;
    public const ulong MinCltvExpiry = 24;
    private const int MaxMemoBytes = 1024;

    public static InvoiceDraft FromAddInvoice(Invoice request)
    {
        byte[] preimage;
        if (request.RPreimage.IsEmpty)
            preimage = RandomNumberGenerator.GetBytes(32);
        else if (request.RPreimage.Length != 32)
            throw Unknown($"payment preimage must be exactly 32 bytes, is {request.RPreimage.Length}");
        else
            preimage = request.RPreimage.ToByteArray();

        return Common(request.Memo, SHA256.HashData(preimage), preimage, request.Value, request.ValueMsat,
            request.DescriptionHash.ToByteArray(), request.Expiry, request.CltvExpiry, request.FallbackAddr, request.Private, isHold: false);
    }

    public static InvoiceDraft FromAddHoldInvoice(AddHoldInvoiceRequest request)
    {
        if (request.Hash.Length != 32)
            throw Unknown($"invalid hash length of {request.Hash.Length}, want 32");
        return Common(request.Memo, request.Hash.ToByteArray(), preimage: null, request.Value, request.ValueMsat,
            request.DescriptionHash.ToByteArray(), request.Expiry, request.CltvExpiry, request.FallbackAddr, request.Private, isHold: true);
    }

    private static InvoiceDraft Common(
        string memo, byte[] hash, byte[]? preimage, long value, long valueMsat, byte[] descriptionHash,
        long expiry, ulong cltvExpiry, string fallbackAddr, bool isPrivate, bool isHold)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(memo) > MaxMemoBytes)
            throw Unknown($"memo too large: {System.Text.Encoding.UTF8.GetByteCount(memo)} bytes (maxsize={MaxMemoBytes})");
        if (value != 0 && valueMsat != 0)
            throw Unknown("value and value_msat are mutually exclusive");
        if (value < 0 || valueMsat < 0)
            throw Unknown("payment amount must not be negative");
        if (value > long.MaxValue / 1000)
            throw Unknown("payment amount is too large");
        if (descriptionHash.Length is not (0 or 32))
            throw Unknown($"description hash is {descriptionHash.Length} bytes, must be 32");
        if (expiry < 0)
            throw Unknown("expiry must not be negative");
        if (expiry > MaxExpirySeconds)
            throw Unknown($"expiry of {expiry} seconds greater than max invoice expiry of {MaxExpirySeconds} seconds");
        if (cltvExpiry != 0 && cltvExpiry < MinCltvExpiry)
            throw Unknown($"cltv expiry of {cltvExpiry} is too low, minimum is {MinCltvExpiry}");

        return new InvoiceDraft(
            memo,
            hash,
            preimage,
            valueMsat != 0 ? valueMsat : value * 1000,
            descriptionHash,
            expiry == 0 ? DefaultExpirySeconds : expiry,
            cltvExpiry == 0 ? DefaultCltvExpiry : cltvExpiry,
            fallbackAddr,
            isPrivate,
            isHold);
    }

    private static RpcException Unknown(string message) => new(new Status(StatusCode.Unknown, message));
}
