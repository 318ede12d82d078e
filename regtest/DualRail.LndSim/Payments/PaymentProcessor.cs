using DualRail.Lightning.Bolt11;
using DualRail.LndSim.Invoices;
using DualRail.LndSim.Nodes;
using Grpc.Core;
using Lnrpc;
using Routerrpc;
using System.Threading.Channels;

namespace DualRail.LndSim.Payments;

/// <summary>
/// Pays a BOLT11 invoice from one simulated node to another, as SendPaymentV2 does: request errors
/// are RPC errors (bad invoice, expired, already paid), routing outcomes are FAILED payments with
/// LND's failure reasons, and a success reveals the preimage. Hold invoices keep the payment
/// IN_FLIGHT until the payee settles or cancels them.
/// </summary>
internal sealed class PaymentProcessor(SimulatedNetwork network)
{
    /// <summary>Starts a payment; <paramref name="updates"/> sees every state from IN_FLIGHT on.</summary>
    public SimPayment Start(SimulatedNode payer, SendPaymentRequest request, out ChannelReader<Payment> updates)
    {
        if (string.IsNullOrEmpty(request.PaymentRequest))
            throw Error(StatusCode.Unimplemented, "the simulator pays BOLT11 payment requests only (payment_request is required; keysend is not simulated)");
        if (request.Amt != 0 && request.AmtMsat != 0)
            throw Error(StatusCode.Unknown, "amt and amt_msat are mutually exclusive");
        if (request.FeeLimitSat != 0 && request.FeeLimitMsat != 0)
            throw Error(StatusCode.Unknown, "fee_limit_sat and fee_limit_msat are mutually exclusive");

        var invoice = Decode(request.PaymentRequest);
        var requestedMsat = request.AmtMsat != 0 ? request.AmtMsat : request.Amt * 1000;
        long amountMsat;
        if (invoice.AmountMsat is { } invoiceMsat)
        {
            if (requestedMsat != 0)
                throw Error(StatusCode.Unknown, "amount must not be specified when paying a non-zero amount invoice");
            amountMsat = invoiceMsat;
        }
        else if (requestedMsat > 0)
        {
            amountMsat = requestedMsat;
        }
        else
        {
            throw Error(StatusCode.Unknown, "amount must be specified when paying a zero amount invoice");
        }

        if (invoice.IsExpired(network.TimeProvider))
            throw Error(StatusCode.Unknown, $"invoice expired. Valid until {invoice.ExpiresAt:yyyy-MM-dd HH:mm:ss} +0000 UTC");

        var payee = network.NodeWithKey(invoice.PayeePublicKey);
        var feeMsat = payee is null || payee == payer ? 0 : network.Options.RoutingFeeMsat;
        var now = network.TimeProvider.GetUtcNow();
        var payment = payer.Payments.Begin(invoice.PaymentHashHex, request.PaymentRequest, amountMsat, feeMsat,
            (now - DateTimeOffset.UnixEpoch).Ticks * 100);
        updates = payment.Watch();

        var feeLimitMsat = request.FeeLimitMsat != 0 ? request.FeeLimitMsat : request.FeeLimitSat * 1000;
        if (payee is null || (payee == payer && !request.AllowSelfPayment) || feeMsat > feeLimitMsat || !payee.Balances.CanReceive(amountMsat))
        {
            payment.Fail(PaymentFailureReason.FailureReasonNoRoute);
            return payment;
        }

        if (!payer.Balances.TryDebit(amountMsat + feeMsat))
        {
            payment.Fail(PaymentFailureReason.FailureReasonInsufficientBalance);
            return payment;
        }

        var (outcome, preimage) = payee.Invoices.AcceptHtlc(invoice.PaymentHash, invoice.PaymentSecret, amountMsat);
        switch (outcome)
        {
            case HtlcOutcome.Settled:
                Complete(payer, payee, payment, amountMsat, feeMsat, preimage!);
                break;
            case HtlcOutcome.Held:
                _ = WaitForHoldAsync(payer, payee, payment, invoice.PaymentHash, amountMsat, feeMsat);
                break;
            default:
                payer.Balances.Refund(amountMsat + feeMsat);
                payment.Fail(PaymentFailureReason.FailureReasonIncorrectPaymentDetails);
                break;
        }

        return payment;
    }

    private static Bolt11Invoice Decode(string paymentRequest)
    {
        try
        {
            return Bolt11Decoder.Decode(paymentRequest, Bolt11Network.Regtest);
        }
        catch (Bolt11FormatException ex) when (ex.Error == Bolt11FormatError.WrongNetwork)
        {
            throw Error(StatusCode.Unknown, LndInvoiceErrors.WrongNetwork);
        }
        catch (Bolt11FormatException ex)
        {
            throw Error(StatusCode.Unknown, $"invalid payment request: {ex.Reason}");
        }
    }

    private static async Task WaitForHoldAsync(SimulatedNode payer, SimulatedNode payee, SimPayment payment, byte[] hash, long amountMsat, long feeMsat)
    {
        using var stream = payee.Invoices.SubscribeSingle(hash);
        await foreach (var update in stream.Reader.ReadAllAsync())
        {
            if (update.State == Invoice.Types.InvoiceState.Settled)
            {
                Complete(payer, payee, payment, amountMsat, feeMsat, update.RPreimage.ToByteArray());
                return;
            }

            if (update.State == Invoice.Types.InvoiceState.Canceled)
            {
                payer.Balances.Refund(amountMsat + feeMsat);
                payment.Fail(PaymentFailureReason.FailureReasonIncorrectPaymentDetails);
                return;
            }
        }
    }

    private static void Complete(SimulatedNode payer, SimulatedNode payee, SimPayment payment, long amountMsat, long feeMsat, byte[] preimage)
    {
        payee.Balances.Credit(amountMsat);
        payer.Balances.CompleteDebit(amountMsat + feeMsat);
        payment.Succeed(Convert.ToHexStringLower(preimage));
    }

    private static RpcException Error(StatusCode code, string message) => new(new Status(code, message));
}
