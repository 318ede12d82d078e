using System.Net;
using System.Text.Json.Nodes;
using DualRail.Client.Payers;
using DualRail.Protocol;

namespace DualRail.Client.Tests.Http;

/// <summary>An inner handler that answers 402 to unpaid requests and records every request it sees.</summary>
internal sealed class ScriptedServer(Func<HttpRequestMessage, byte[]?, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, byte[]? Body)> Seen { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Seen.Add((request, body));
        var response = answer(request, body);
        response.RequestMessage = request;
        return response;
    }

    public static PaymentRequired Terms(params PaymentRequirements[] accepts) => new()
    {
        Resource = new ResourceInfo { Url = "http://test/api/demo" },
        Accepts = accepts,
    };

    public static HttpResponseMessage PaymentRequiredV2(PaymentRequired terms)
    {
        var response = new HttpResponseMessage(HttpStatusCode.PaymentRequired) { Content = new StringContent("{}") };
        response.Headers.Add(X402Headers.PaymentRequired, X402HeaderCodec.Encode(terms));
        return response;
    }

    public static HttpResponseMessage Paid(SettleResponse settlement)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("paid content") };
        response.Headers.Add(X402Headers.PaymentResponse, X402HeaderCodec.Encode(settlement));
        return response;
    }
}

/// <summary>A payer that pays anything on its network and counts how often it was asked to.</summary>
internal sealed class CountingPayer(string rail, string network) : IPaymentPayer
{
    public int Payments { get; private set; }

    public string Rail => rail;

    public bool CanPay(PaymentRequirements requirements) => requirements.Network == network;

    public ValueTask<JsonObject> CreatePayloadAsync(PaymentRequirements requirements, CancellationToken cancellationToken)
    {
        Payments++;
        return ValueTask.FromResult(new JsonObject { ["proof"] = $"{rail}-{Payments}" });
    }
}
