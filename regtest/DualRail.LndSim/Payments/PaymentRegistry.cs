using Grpc.Core;
using DualRail.LndSim.Invoices;
using Lnrpc;

namespace DualRail.LndSim.Payments;

/// <summary>
/// A node's outgoing payments by hash, like LND's control tower: a hash already paid or in flight
/// cannot be paid again (AlreadyExists); a failed one can be retried.
/// </summary>
internal sealed class PaymentRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SimPayment> _byHash = [];
    private ulong _lastIndex;

    public SimPayment? Find(string paymentHashHex)
    {
        lock (_lock)
            return _byHash.GetValueOrDefault(paymentHashHex);
    }

    public SimPayment Begin(string paymentHashHex, string paymentRequest, long valueMsat, long feeMsat, long creationTimeNs)
    {
        lock (_lock)
        {
            if (_byHash.TryGetValue(paymentHashHex, out var existing))
            {
                var status = existing.Snapshot.Status;
                if (status == Payment.Types.PaymentStatus.Succeeded)
                    throw new RpcException(new Status(StatusCode.AlreadyExists, LndInvoiceErrors.AlreadyPaid));
                if (status != Payment.Types.PaymentStatus.Failed)
                    throw new RpcException(new Status(StatusCode.AlreadyExists, LndInvoiceErrors.PaymentInFlight));
            }

            var payment = new SimPayment(new Payment
            {
                PaymentHash = paymentHashHex,
                PaymentRequest = paymentRequest,
                ValueMsat = valueMsat,
                ValueSat = valueMsat / 1000,
                FeeMsat = feeMsat,
                FeeSat = feeMsat / 1000,
                CreationTimeNs = creationTimeNs,
                PaymentIndex = ++_lastIndex,
                Status = Payment.Types.PaymentStatus.InFlight,
            });
            _byHash[paymentHashHex] = payment;
            return payment;
        }
    }
}
