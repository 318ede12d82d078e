using Google.Protobuf;
using Lnrpc;

namespace DualRail.LndSim.Invoices;

/// <summary>One invoice in a simulated node's database. Mutated only under the registry's lock.</summary>
internal sealed class SimInvoice
{
    public required string Memo { get; init; }
    public required byte[] Hash { get; init; }
    public byte[]? Preimage { get; set; }
    public required long ValueMsat { get; init; }
    public required long CreationDate { get; init; }
    public required string PaymentRequest { get; init; }
    public required byte[] DescriptionHash { get; init; }
    public required long Expiry { get; init; }
    public required ulong CltvExpiry { get; init; }
    public required string FallbackAddr { get; init; }
    public required bool Private { get; init; }
    public required byte[] PaymentAddr { get; init; }
    public required bool IsHold { get; init; }
    public required ulong AddIndex { get; init; }
    public ulong SettleIndex { get; set; }
    public long SettleDate { get; set; }
    public long AmtPaidMsat { get; set; }
    public Invoice.Types.InvoiceState State { get; set; } = Invoice.Types.InvoiceState.Open;

    public bool IsPending => State is Invoice.Types.InvoiceState.Open or Invoice.Types.InvoiceState.Accepted;

    public bool IsExpired(long nowUnix) => nowUnix >= CreationDate + Expiry;

    /// <summary>The invoice as LND's RPC shows it.</summary>
    public Invoice ToRpc() => new()
    {
        Memo = Memo,
        RPreimage = Preimage is null ? ByteString.Empty : ByteString.CopyFrom(Preimage),
        RHash = ByteString.CopyFrom(Hash),
        Value = ValueMsat / 1000,
        ValueMsat = ValueMsat,
        Settled = State == Invoice.Types.InvoiceState.Settled,
        CreationDate = CreationDate,
        SettleDate = SettleDate,
        PaymentRequest = PaymentRequest,
        DescriptionHash = ByteString.CopyFrom(DescriptionHash),
        Expiry = Expiry,
        FallbackAddr = FallbackAddr,
        CltvExpiry = CltvExpiry,
        Private = Private,
        AddIndex = AddIndex,
        SettleIndex = SettleIndex,
        AmtPaid = AmtPaidMsat,
        AmtPaidSat = AmtPaidMsat / 1000,
        AmtPaidMsat = AmtPaidMsat,
        State = State,
        PaymentAddr = ByteString.CopyFrom(PaymentAddr),
    };
}
