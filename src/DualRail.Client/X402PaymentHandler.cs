using System.Net;
using DualRail.Client.Http;
using DualRail.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualRail.Client;

/// <summary>
/// Turns a 402 into one payment and one retry. The request content is buffered so the retry sends
/// the same bytes; a second 402 is returned as it is (never a loop); a request that already carries a
/// payment header is passed through untouched. The payment made is on
/// <see cref="HttpResponseMessageExtensions.GetX402Payment"/>.
/// </summary>
public sealed partial class X402PaymentHandler : DelegatingHandler
{
    private readonly PaymentSession _session;
    private readonly ILogger _logger;

    public X402PaymentHandler(PaymentSession session, ILogger<X402PaymentHandler>? logger = null)
    {
        _session = session;
        _logger = logger ?? NullLogger<X402PaymentHandler>.Instance;
    }

    public X402PaymentHandler(PaymentSession session, HttpMessageHandler innerHandler, ILogger<X402PaymentHandler>? logger = null)
        : this(session, logger) => InnerHandler = innerHandler;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Contains(X402Headers.PaymentSignature) || request.Headers.Contains(X402Headers.XPayment))
            return await base.SendAsync(request, cancellationToken);

        var content = await BufferedContent.CaptureAsync(request, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.PaymentRequired)
            return response;

        var terms = await PaymentTermsReader.ReadAsync(response, cancellationToken);
        if (terms is null)
        {
            LogUnreadable(_logger, request.RequestUri);
            return response;
        }

        var (payer, index) = _session.Choose(terms);
        var offer = terms.Required.Accepts[index];
        LogPaying(_logger, payer.Rail, offer.Amount, offer.Asset, offer.Network, request.RequestUri);
        System.Text.Json.Nodes.JsonObject proof;
        try
        {
            proof = await payer.CreatePayloadAsync(offer, cancellationToken);
        }
        catch
        {
            _session.Policy.Release(offer);
            throw;
        }

        response.Dispose();
        request.Content = content?.Clone();
        AddPaymentHeader(request, terms, index, proof);
        var paid = await base.SendAsync(request, cancellationToken);

        var settlement = paid.GetX402Settlement();
        request.Options.Set(HttpResponseMessageExtensions.PaymentKey, new PaymentRecord
        {
            Rail = payer.Rail,
            X402Version = terms.X402Version,
            Requirements = offer,
            RetryStatusCode = (int)paid.StatusCode,
            Settlement = settlement,
        });
        if (paid.StatusCode == HttpStatusCode.PaymentRequired)
            LogRejected(_logger, payer.Rail, request.RequestUri);
        return paid;
    }

    private static void AddPaymentHeader(HttpRequestMessage request, PaymentTerms terms, int index, System.Text.Json.Nodes.JsonObject proof)
    {
        var offer = terms.Required.Accepts[index];
        if (terms.X402Version == 1)
        {
            var v1 = new PaymentPayload
            {
                X402Version = 1,
                Scheme = offer.Scheme,
                Network = terms.WireNetworks[index],
                Payload = proof,
            };
            request.Headers.Add(X402Headers.XPayment, X402HeaderCodec.Encode(v1));
            return;
        }

        var v2 = new PaymentPayload
        {
            X402Version = terms.X402Version,
            Resource = terms.Required.Resource,
            Accepted = offer,
            Payload = proof,
        };
        request.Headers.Add(X402Headers.PaymentSignature, X402HeaderCodec.Encode(v2));
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Paying {Amount} {Asset} on {Network} by {Rail} for {Uri}")]
    private static partial void LogPaying(ILogger logger, string rail, string amount, string asset, string network, Uri? uri);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The paid retry by {Rail} for {Uri} was answered 402 again; not paying twice")]
    private static partial void LogRejected(ILogger logger, string rail, Uri? uri);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "A 402 from {Uri} carried no readable x402 terms")]
    private static partial void LogUnreadable(ILogger logger, Uri? uri);
}
