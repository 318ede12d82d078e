using System.Threading.Channels;
using Lnrpc;

namespace DualRail.LndSim.Invoices;

/// <summary>One subscriber's queue of invoice events; disposing it unsubscribes.</summary>
internal sealed class InvoiceStream(Action<InvoiceStream> unsubscribe) : IDisposable
{
    private readonly Channel<Invoice> _events = Channel.CreateUnbounded<Invoice>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Invoice> Reader => _events.Reader;

    /// <summary>For the all-invoices stream: the highest indexes already sent (LND dedupes on them).</summary>
    public ulong LastAddIndex { get; set; }

    public ulong LastSettleIndex { get; set; }

    /// <summary>For the single-invoice stream: the payment hash followed.</summary>
    public byte[]? Hash { get; init; }

    public void Publish(Invoice invoice) => _events.Writer.TryWrite(invoice);

    public void Dispose()
    {
        _events.Writer.TryComplete();
        unsubscribe(this);
    }
}
