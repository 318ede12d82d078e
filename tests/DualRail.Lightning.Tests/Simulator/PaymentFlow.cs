using DualRail.Lightning.Lnd;
using Grpc.Core;
using Lnrpc;
using Routerrpc;

namespace DualRail.Lightning.Tests.Simulator;

/// <summary>Small steps the simulator tests share: make an invoice, pay it and collect the updates.</summary>
internal static class PaymentFlow
{
    public static Task<AddInvoiceResponse> AddInvoiceAsync(LndClient merchant, long valueMsat, string memo = "test", long expiry = 0) =>
        merchant.Lightning.AddInvoiceAsync(new Invoice { ValueMsat = valueMsat, Memo = memo, Expiry = expiry }).ResponseAsync;

    public static async Task<List<Payment>> PayAsync(LndClient payer, string paymentRequest, long feeLimitSat = 10)
    {
        using var call = payer.Router.SendPaymentV2(
            new SendPaymentRequest { PaymentRequest = paymentRequest, TimeoutSeconds = 60, FeeLimitSat = feeLimitSat },
            deadline: DateTime.UtcNow.AddSeconds(30));
        return await call.ResponseStream.ReadAllAsync().ToListAsync();
    }

    /// <summary>Reads a stream into a list in the background, for subscription tests.</summary>
    public static (List<Invoice> Seen, Task Reader) Collect(IAsyncEnumerable<Invoice> stream, CancellationToken cancellationToken)
    {
        var seen = new List<Invoice>();
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var invoice in stream.WithCancellation(cancellationToken))
                {
                    lock (seen)
                        seen.Add(invoice);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
            {
            }
        }, CancellationToken.None);
        return (seen, reader);
    }

    /// <summary>Waits until <paramref name="condition"/> holds over what a collector has seen (not a timing assertion).</summary>
    public static async Task<List<Invoice>> WaitForAsync(List<Invoice> seen, Func<List<Invoice>, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            lock (seen)
            {
                if (condition(seen))
                    return seen.ToList();
            }

            if (cts.IsCancellationRequested)
            {
                lock (seen)
                    throw new TimeoutException($"Condition not met; seen: {string.Join(", ", seen.Select(i => $"{i.AddIndex}/{i.SettleIndex}/{i.State}"))}");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
