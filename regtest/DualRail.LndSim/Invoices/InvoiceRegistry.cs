using System.Security.Cryptography;
using Grpc.Core;
using Lnrpc;

namespace DualRail.LndSim.Invoices;

/// <summary>
/// A simulated node's invoice database with LND's index semantics: add_index +1 per invoice,
/// settle_index +1 per settlement, both from 1; subscribers get a strictly-greater backlog and
/// then live OPEN and SETTLED events (the all-invoices stream) or every transition (single).
/// </summary>
internal sealed class InvoiceRegistry(TimeProvider timeProvider)
{
    private const int DefaultMaxInvoices = 100;

    private readonly Lock _lock = new();
    private readonly List<SimInvoice> _byAddIndex = [];
    private readonly Dictionary<string, SimInvoice> _byHash = [];
    private readonly List<InvoiceStream> _allStreams = [];
    private readonly List<InvoiceStream> _singleStreams = [];
    private ulong _lastSettleIndex;

    /// <summary>Stores a new invoice; <paramref name="encode"/> makes its payment request.</summary>
    public SimInvoice Add(InvoiceDraft draft, Func<InvoiceDraft, byte[], long, string> encode)
    {
        var paymentAddr = RandomNumberGenerator.GetBytes(32);
        var creationDate = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var paymentRequest = encode(draft, paymentAddr, creationDate);
        lock (_lock)
        {
            var key = Convert.ToHexStringLower(draft.Hash);
            if (_byHash.ContainsKey(key))
                throw Unknown(LndInvoiceErrors.Duplicate);
            var invoice = new SimInvoice
            {
                Memo = draft.Memo,
                Hash = draft.Hash,
                Preimage = draft.Preimage,
                ValueMsat = draft.ValueMsat,
                CreationDate = creationDate,
                PaymentRequest = paymentRequest,
                DescriptionHash = draft.DescriptionHash,
                Expiry = draft.Expiry,
                CltvExpiry = draft.CltvExpiry,
                FallbackAddr = draft.FallbackAddr,
                Private = draft.Private,
                PaymentAddr = paymentAddr,
                IsHold = draft.IsHold,
                AddIndex = (ulong)_byAddIndex.Count + 1,
            };
            _byAddIndex.Add(invoice);
            _byHash[key] = invoice;
            Invoice? rpc = null;
            foreach (var stream in _allStreams)
            {
                if (invoice.AddIndex <= stream.LastAddIndex)
                    continue;
                stream.LastAddIndex = invoice.AddIndex;
                stream.Publish(rpc ??= invoice.ToRpc());
            }

            PublishSingle(invoice);
            return invoice;
        }
    }

    public Invoice? Lookup(ReadOnlySpan<byte> hash)
    {
        lock (_lock)
            return _byHash.GetValueOrDefault(Convert.ToHexStringLower(hash))?.ToRpc();
    }

    public Invoice? LookupByPaymentAddr(ReadOnlySpan<byte> paymentAddr)
    {
        var key = paymentAddr.ToArray();
        lock (_lock)
            return _byAddIndex.FirstOrDefault(i => i.PaymentAddr.AsSpan().SequenceEqual(key))?.ToRpc();
    }

    /// <summary>ListInvoices: pages on add_index, always returned oldest first.</summary>
    public ListInvoiceResponse Query(ListInvoiceRequest request)
    {
        var max = request.NumMaxInvoices == 0 ? DefaultMaxInvoices : (int)Math.Min(request.NumMaxInvoices, int.MaxValue);
        List<SimInvoice> page;
        lock (_lock)
        {
            IEnumerable<SimInvoice> candidates = request.Reversed
                ? _byAddIndex.AsEnumerable().Reverse().Where(i => request.IndexOffset == 0 || i.AddIndex < request.IndexOffset)
                : _byAddIndex.Where(i => i.AddIndex > request.IndexOffset);
            page = candidates
                .Where(i => !request.PendingOnly || i.IsPending)
                .Where(i => request.CreationDateStart == 0 || i.CreationDate >= (long)request.CreationDateStart)
                .Where(i => request.CreationDateEnd == 0 || i.CreationDate <= (long)request.CreationDateEnd)
                .Take(max)
                .ToList();
            if (request.Reversed)
                page.Reverse();
        }

        var response = new ListInvoiceResponse();
        response.Invoices.AddRange(page.Select(i => i.ToRpc()));
        if (page.Count > 0)
        {
            response.FirstIndexOffset = page[0].AddIndex;
            response.LastIndexOffset = page[^1].AddIndex;
        }

        return response;
    }

    /// <summary>
    /// SubscribeInvoices: the backlog (add_index &gt; addIndex, then settle_index &gt; settleIndex;
    /// 0 means none) is queued first, then live events, under one lock so none is lost or doubled.
    /// </summary>
    public InvoiceStream SubscribeAll(ulong addIndex, ulong settleIndex)
    {
        var stream = new InvoiceStream(Unsubscribe);
        lock (_lock)
        {
            if (addIndex > 0)
            {
                foreach (var invoice in _byAddIndex.Where(i => i.AddIndex > addIndex))
                    stream.Publish(invoice.ToRpc());
            }

            if (settleIndex > 0)
            {
                foreach (var invoice in _byAddIndex.Where(i => i.SettleIndex > settleIndex).OrderBy(i => i.SettleIndex))
                    stream.Publish(invoice.ToRpc());
            }

            stream.LastAddIndex = Math.Max(addIndex, (ulong)_byAddIndex.Count);
            stream.LastSettleIndex = Math.Max(settleIndex, _lastSettleIndex);
            _allStreams.Add(stream);
        }

        return stream;
    }

    /// <summary>SubscribeSingleInvoice: the current state at once when the invoice exists, then every transition.</summary>
    public InvoiceStream SubscribeSingle(byte[] hash)
    {
        var stream = new InvoiceStream(Unsubscribe) { Hash = hash };
        lock (_lock)
        {
            if (_byHash.TryGetValue(Convert.ToHexStringLower(hash), out var invoice))
                stream.Publish(invoice.ToRpc());
            _singleStreams.Add(stream);
        }

        return stream;
    }

    /// <summary>An incoming payment of <paramref name="amountMsat"/> for <paramref name="hash"/>.</summary>
    public (HtlcOutcome Outcome, byte[]? Preimage) AcceptHtlc(byte[] hash, ReadOnlySpan<byte> paymentAddr, long amountMsat)
    {
        lock (_lock)
        {
            if (!_byHash.TryGetValue(Convert.ToHexStringLower(hash), out var invoice)
                || invoice.State != Invoice.Types.InvoiceState.Open
                || !paymentAddr.SequenceEqual(invoice.PaymentAddr)
                || invoice.IsExpired(timeProvider.GetUtcNow().ToUnixTimeSeconds())
                || (invoice.ValueMsat > 0 && (amountMsat < invoice.ValueMsat || amountMsat > 2 * invoice.ValueMsat)))
            {
                return (HtlcOutcome.Rejected, null);
            }

            invoice.AmtPaidMsat = amountMsat;
            if (invoice.IsHold)
            {
                invoice.State = Invoice.Types.InvoiceState.Accepted;
                PublishSingle(invoice);
                return (HtlcOutcome.Held, null);
            }

            Settle(invoice);
            return (HtlcOutcome.Settled, invoice.Preimage);
        }
    }

    /// <summary>invoicesrpc.SettleInvoice: releases a held HTLC. Settling a settled invoice again is a no-op, as in LND.</summary>
    public void SettleHold(byte[] preimage)
    {
        var hash = SHA256.HashData(preimage);
        lock (_lock)
        {
            if (!_byHash.TryGetValue(Convert.ToHexStringLower(hash), out var invoice))
                throw Unknown(LndInvoiceErrors.NotFound);
            switch (invoice.State)
            {
                case Invoice.Types.InvoiceState.Settled:
                    return;
                case Invoice.Types.InvoiceState.Canceled:
                    throw Unknown(LndInvoiceErrors.AlreadyCanceled);
                case Invoice.Types.InvoiceState.Open:
                    throw Unknown(LndInvoiceErrors.StillOpen);
            }

            invoice.Preimage = preimage;
            Settle(invoice);
        }
    }

    /// <summary>invoicesrpc.CancelInvoice: open or accepted invoices only; canceling twice is a no-op, as in LND.</summary>
    public void Cancel(byte[] hash)
    {
        lock (_lock)
        {
            if (!_byHash.TryGetValue(Convert.ToHexStringLower(hash), out var invoice))
                throw Unknown(LndInvoiceErrors.NotFound);
            if (invoice.State == Invoice.Types.InvoiceState.Settled)
                throw Unknown(LndInvoiceErrors.AlreadySettled);
            if (invoice.State == Invoice.Types.InvoiceState.Canceled)
                return;
            invoice.State = Invoice.Types.InvoiceState.Canceled;
            invoice.AmtPaidMsat = 0;
            PublishSingle(invoice);
        }
    }

    private void Settle(SimInvoice invoice)
    {
        invoice.State = Invoice.Types.InvoiceState.Settled;
        invoice.SettleIndex = ++_lastSettleIndex;
        invoice.SettleDate = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var rpc = invoice.ToRpc();
        foreach (var stream in _allStreams.Where(s => invoice.SettleIndex > s.LastSettleIndex))
        {
            stream.LastSettleIndex = invoice.SettleIndex;
            stream.Publish(rpc);
        }

        PublishSingle(invoice);
    }

    private void PublishSingle(SimInvoice invoice)
    {
        Invoice? rpc = null;
        foreach (var stream in _singleStreams)
        {
            if (stream.Hash.AsSpan().SequenceEqual(invoice.Hash))
                stream.Publish(rpc ??= invoice.ToRpc());
        }
    }

    private void Unsubscribe(InvoiceStream stream)
    {
        lock (_lock)
        {
            _allStreams.Remove(stream);
            _singleStreams.Remove(stream);
        }
    }

    private static RpcException Unknown(string message) => new(new Status(StatusCode.Unknown, message));
}
