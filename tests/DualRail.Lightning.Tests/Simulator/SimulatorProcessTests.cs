using System.Text.Json.Nodes;
using DualRail.Lightning.Lnd;
using DualRail.Lightning.Tests.Support;
using DualRail.TestSupport;
using Grpc.Core;
using Lnrpc;

namespace DualRail.Lightning.Tests.Simulator;

/// <summary>The simulator as a process: --help, the ready line, the files it names, and the HTTP restart control.</summary>
public sealed class SimulatorProcessTests : IDisposable
{
    private static readonly string SimulatorDll = Path.Combine(AppContext.BaseDirectory, "DualRail.LndSim.dll");
    private static readonly string Dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private readonly string _directory = Directory.CreateTempSubdirectory("dualrail-lndsim-process-").FullName;

    [Fact]
    public async Task Help_says_it_simulates_LND_and_is_not_LND()
    {
        var (exitCode, output) = await ChildProcess.RunAsync(Dotnet, [SimulatorDll, "--help"], TimeSpan.FromSeconds(60));
        Assert.Equal(0, exitCode);
        Assert.Contains("simulates LND's invoice API", output, StringComparison.Ordinal);
        Assert.Contains("NOT LND", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var (exitCode, output) = await ChildProcess.RunAsync(Dotnet, [SimulatorDll, "--data-dir", _directory, "--bogus"], TimeSpan.FromSeconds(60));
        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown option --bogus", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ready_line_names_working_endpoints_and_the_control_restarts_the_nodes()
    {
        await using var process = ChildProcess.Start(Dotnet, [SimulatorDll, "--data-dir", _directory, "--nodes", "merchant,payer,carol", "--port-base", "0"]);
        var ready = await ReadyLine.WaitAsync(process, "ready", TimeSpan.FromSeconds(60));
        Assert.Contains("not LND", (string?)ready["simulator"], StringComparison.Ordinal);
        var nodes = ready["nodes"]!.AsObject();
        Assert.Equal(["merchant", "payer", "carol"], nodes.Select(n => n.Key));

        var merchantNode = nodes["merchant"]!;
        using var merchant = new LndClient(new LndClientOptions
        {
            Endpoint = (string)merchantNode["endpoint"]!,
            TlsCertPath = (string)merchantNode["tlsCertPath"]!,
            MacaroonPath = (string)merchantNode["macaroonPath"]!,
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        });
        await merchant.WaitUntilReadyAsync();
        Assert.Equal((string?)merchantNode["identityPubkey"], (await merchant.Lightning.GetInfoAsync(new GetInfoRequest())).IdentityPubkey);
        Assert.StartsWith(_directory, (string)merchantNode["invoiceMacaroonPath"]!, StringComparison.Ordinal);

        using var stream = merchant.Lightning.SubscribeInvoices(new InvoiceSubscription());
        await stream.ResponseHeadersAsync;
        using var http = new HttpClient { BaseAddress = new Uri((string)ready["control"]!) };
        using var restart = await http.PostAsync(new Uri("/restart?downtimeMs=300", UriKind.Relative), null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, restart.StatusCode);

        var dropped = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext());
        Assert.True(LndTransientErrors.IsTransient(dropped), dropped.ToString());
        await merchant.WaitUntilReadyAsync();
        var invoice = await merchant.Lightning.AddInvoiceAsync(new Invoice { Value = 10, Memo = "after restart" });
        Assert.StartsWith("lnbcrt100n1", invoice.PaymentRequest, StringComparison.Ordinal);

        var described = JsonNode.Parse(await http.GetStringAsync(new Uri("/nodes", UriKind.Relative)))!;
        Assert.Equal((string?)merchantNode["endpoint"], (string?)described["nodes"]!["merchant"]!["endpoint"]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
