using System.Net.Http.Headers;
using System.Text;
using DualRail.Client;
using DualRail.Client.Evm;
using DualRail.Client.Lightning;
using DualRail.Client.Payers;
using DualRail.Client.Policy;
using DualRail.Protocol;

namespace DualRail.Cli.Paying;

/// <summary>Sends one request through the payment handler and prints the response and the receipt.</summary>
internal sealed class PayRunner(TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(PayRequest pay, CancellationToken cancellationToken)
    {
        var payers = new List<IPaymentPayer>();
        try
        {
            var policy = new SpendPolicyOptions();
            foreach (var max in pay.MaxPerRequest)
                policy.MaxPerRequest.Add(max);
            if (pay.Rail is null or "evm" && (pay.EvmPrivateKey is not null || pay.EvmPrivateKeyPath is not null))
                payers.Add(new EvmPayer(new EvmPayerOptions { PrivateKey = pay.EvmPrivateKey, PrivateKeyPath = pay.EvmPrivateKeyPath }));
            if (pay.Rail is null or "lightning" && pay.LndEndpoint is not null)
            {
                var lightning = new LightningPayerOptions
                {
                    Endpoint = pay.LndEndpoint,
                    TlsCertPath = pay.LndTlsCertPath,
                    MacaroonPath = pay.LndMacaroonPath,
                    FeeLimitSat = pay.FeeLimitSat,
                };
                payers.Add(LightningPayer.Connect(lightning));
            }
            if (payers.Count == 0)
            {
                await error.WriteLineAsync($"error: no payer configured for {pay.Rail ?? "any rail"}: set DUALRAIL_EVM_PRIVATE_KEY (or --evm-key-file), or --lnd-endpoint with --lnd-tls-cert and --lnd-macaroon, or use --sandbox.");
                return ExitCodes.Error;
            }

            var session = new PaymentSession(payers, new SpendPolicy(policy), pay.Rail is null ? null : [pay.Rail], pay.Rail is null ? null : [pay.Rail]);
            using var http = new HttpClient(new X402PaymentHandler(session, new SocketsHttpHandler())) { Timeout = TimeSpan.FromMinutes(2) };
            using var request = BuildRequest(pay);
            using var response = await http.SendAsync(request, cancellationToken);
            return await ReportAsync(response, cancellationToken);
        }
        catch (PaymentRefusedException e)
        {
            await error.WriteLineAsync($"refused: {e.Message}");
            return ExitCodes.Refused;
        }
        catch (PaymentFailedException e)
        {
            await error.WriteLineAsync($"payment failed ({e.Rail}): {e.Message}");
            return ExitCodes.PaymentFailed;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Error;
        }
        finally
        {
            foreach (var payer in payers.OfType<IDisposable>())
                payer.Dispose();
        }
    }

    private static HttpRequestMessage BuildRequest(PayRequest pay)
    {
        var request = new HttpRequestMessage(new HttpMethod(pay.Method.ToUpperInvariant()), pay.Url);
        if (pay.Body is not null)
            request.Content = new StringContent(pay.Body, Encoding.UTF8, "application/json");
        foreach (var header in pay.Headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                throw new ArgumentException($"Header '{header}' is not 'Name: value'.");
            var name = header[..colon].Trim();
            var value = header[(colon + 1)..].Trim();
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                else
                    request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return request;
    }

    private async Task<int> ReportAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var payment = response.GetX402Payment();
        if (payment is not null)
        {
            var offer = payment.Requirements;
            await output.WriteLineAsync($"paid: {payment.Rail} {offer.Amount} {offer.Asset} on {offer.Network} to {offer.PayTo}");
        }
        await output.WriteLineAsync($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Length > 0)
            await output.WriteLineAsync(body);
        var settlement = response.GetX402Settlement();
        if (settlement is not null)
            await output.WriteLineAsync($"receipt: {X402Json.Serialize(settlement)}");

        if (response.IsSuccessStatusCode)
            return ExitCodes.Success;
        await error.WriteLineAsync(payment is null
            ? $"not served: the server answered {(int)response.StatusCode}."
            : $"not served: paid by {payment.Rail}, but the server answered {(int)response.StatusCode}{ReasonOf(response)}.");
        return ExitCodes.NotServed;
    }

    private static string ReasonOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(X402Headers.PaymentRequired, out var values)
        && X402HeaderCodec.TryDecode<PaymentRequired>(values.First(), out var terms, out _)
        && terms!.Error is { } reason
            ? $" ({reason})"
            : "";
}
