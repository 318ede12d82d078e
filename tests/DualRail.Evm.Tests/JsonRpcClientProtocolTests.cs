using System.Net;
using System.Net.Sockets;
using System.Text;
using DualRail.Evm.Abi;
using DualRail.Evm.Rpc;

namespace DualRail.Evm.Tests;

/// <summary>How the client maps HTTP and JSON-RPC failures, with canned node answers.</summary>
public sealed class JsonRpcClientProtocolTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:1/v2/secret-api-key");

    [Fact]
    public async Task Error_objects_become_typed_exceptions()
    {
        var client = Client("""{"jsonrpc":"2.0","id":1,"error":{"code":-32003,"message":"nonce too low"}}""");

        var exception = await Assert.ThrowsAsync<JsonRpcException>(() => client.SendRawTransactionAsync(new byte[] { 1 }));

        Assert.Equal(-32003, exception.Code);
        Assert.Equal("nonce too low", exception.RpcMessage);
        Assert.Equal("eth_sendRawTransaction", exception.Method);
        Assert.IsNotType<EvmRevertException>(exception);
    }

    [Fact]
    public async Task Reverts_carry_the_data_and_the_decoded_reason()
    {
        const string data = "0x08c379a0000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000044e6f706500000000000000000000000000000000000000000000000000000000";
        var client = Client($$$"""{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted: Nope","data":"{{{data}}}"}}""");

        var exception = await Assert.ThrowsAsync<EvmRevertException>(() => client.CallAsync(new CallRequest { To = EvmAddress.Zero }));

        Assert.Equal(3, exception.Code);
        Assert.Equal(RevertKind.Error, exception.Reason.Kind);
        Assert.Equal("Nope", exception.ReasonText);
        Assert.Equal(100, exception.RevertData.Length);
    }

    [Fact]
    public async Task A_revert_without_data_still_is_a_revert()
    {
        var client = Client("""{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"execution reverted"}}""");

        var exception = await Assert.ThrowsAsync<EvmRevertException>(() => client.EstimateGasAsync(new CallRequest { To = EvmAddress.Zero }));

        Assert.Equal(RevertKind.Empty, exception.Reason.Kind);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":"0xzz"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":12}""")]
    public async Task Malformed_answers_are_transport_errors(string body)
    {
        var client = Client(body);

        await Assert.ThrowsAsync<JsonRpcTransportException>(() => client.GetChainIdAsync());
    }

    [Fact]
    public async Task Http_errors_are_transport_errors_without_the_url_path()
    {
        var client = Client("{}", HttpStatusCode.BadGateway);

        var exception = await Assert.ThrowsAsync<JsonRpcTransportException>(() => client.GetChainIdAsync());

        Assert.Contains("502", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-api-key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_nodes_are_transport_errors()
    {
        using var http = new HttpClient();
        var client = new JsonRpcClient(http, new Uri($"http://127.0.0.1:{UnusedPort()}/"));

        await Assert.ThrowsAsync<JsonRpcTransportException>(() => client.GetChainIdAsync());
    }

    [Fact]
    public async Task HttpClient_timeouts_are_transport_errors_and_caller_cancellation_is_cancellation()
    {
        using var slow = new HttpClient(new StubHandler(_ => throw new InvalidOperationException(), hang: true)) { Timeout = TimeSpan.FromMilliseconds(200) };
        var client = new JsonRpcClient(slow, Endpoint);
        await Assert.ThrowsAsync<JsonRpcTransportException>(() => client.GetChainIdAsync());

        using var patient = new HttpClient(new StubHandler(_ => throw new InvalidOperationException(), hang: true));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new JsonRpcClient(patient, Endpoint).GetChainIdAsync(cancellation.Token));
    }

    [Fact]
    public async Task Requests_are_json_rpc_2_with_hex_quantities_and_lowercase_addresses()
    {
        string? sent = null;
        using var http = new HttpClient(new StubHandler(request =>
        {
            sent = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            return """{"jsonrpc":"2.0","id":1,"result":"0x10"}""";
        }));
        var client = new JsonRpcClient(http, Endpoint);

        var nonce = await client.GetTransactionCountAsync(EvmAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), BlockTag.Pending);

        Assert.Equal(16, (int)nonce);
        Assert.Contains("\"jsonrpc\":\"2.0\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"method\":\"eth_getTransactionCount\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"params\":[\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"pending\"]", sent, StringComparison.Ordinal);
    }

    private static JsonRpcClient Client(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(new HttpClient(new StubHandler(_ => body, status: status)), Endpoint);

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class StubHandler(Func<HttpRequestMessage, string> answer, HttpStatusCode status = HttpStatusCode.OK, bool hang = false) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new HttpResponseMessage(status) { Content = new StringContent(answer(request), Encoding.UTF8, "application/json") };
        }
    }
}
