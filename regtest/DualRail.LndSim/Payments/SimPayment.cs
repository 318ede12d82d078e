using System.Threading.Channels;
using Lnrpc;

namespace DualRail.LndSim.Payments;

/// <summary>One outgoing payment of a simulated node and everyone watching it (SendPaymentV2, TrackPaymentV2).</summary>
internal sealed class SimPayment
{
    private readonly Lock _lock = new();
    private readonly List<Channel<Payment>> _watchers = [];
    private readonly Payment _current;

    public SimPayment(Payment initial) => _current = initial;

    public Payment Snapshot
    {
        get
        {
            lock (_lock)
                return _current.Clone();
        }
    }

    public bool IsFinal
    {
        get
        {
            lock (_lock)
                return IsFinalStatus(_current.Status);
        }
    }

    /// <summary>The current state at once, then every update; completes after the final one.</summary>
    public ChannelReader<Payment> Watch()
    {
        var channel = Channel.CreateUnbounded<Payment>();
        lock (_lock)
        {
            channel.Writer.TryWrite(_current.Clone());
            if (IsFinalStatus(_current.Status))
                channel.Writer.TryComplete();
            else
                _watchers.Add(channel);
        }

        return channel.Reader;
    }

    public void Succeed(string preimageHex)
    {
        Update(p =>
        {
            p.Status = Payment.Types.PaymentStatus.Succeeded;
            p.PaymentPreimage = preimageHex;
        });
    }

    public void Fail(PaymentFailureReason reason)
    {
        Update(p =>
        {
            p.Status = Payment.Types.PaymentStatus.Failed;
            p.FailureReason = reason;
            p.FeeMsat = 0;
            p.FeeSat = 0;
        });
    }

    private void Update(Action<Payment> change)
    {
        lock (_lock)
        {
            change(_current);
            var snapshot = _current.Clone();
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(snapshot);
                if (IsFinalStatus(snapshot.Status))
                    watcher.Writer.TryComplete();
            }

            if (IsFinalStatus(snapshot.Status))
                _watchers.Clear();
        }
    }

    private static bool IsFinalStatus(Payment.Types.PaymentStatus status) =>
        status is Payment.Types.PaymentStatus.Succeeded or Payment.Types.PaymentStatus.Failed;
}
