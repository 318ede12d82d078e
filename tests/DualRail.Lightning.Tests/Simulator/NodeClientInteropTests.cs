using System.Text.Json.Nodes;
using DualRail.TestSupport;
using Lnrpc;

namespace DualRail.Lightning.Tests.Simulator;

/// <summary>
/// A Node client on LND's real protos (node/lnd-client-check.mjs) runs an invoice lifecycle against
/// the simulator and checks every field it reads; this side then checks the simulator's state
/// matches what the Node client saw.
/// </summary>
public sealed class NodeClientInteropTests : IAsyncLifetime
{
    private readonly SimulatorFixture _sim = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("dualrail-node-client-").FullName;

    public Task InitializeAsync() => _sim.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_client_on_LNDs_own_protos_runs_the_invoice_lifecycle_against_the_simulator()
    {
        NodeTooling.Require("@lightningpolar", "lnd-api", "protos", "lightning.proto");
        var config = Path.Combine(_directory, "nodes.json");
        await File.WriteAllTextAsync(config, _sim.Host.Describe().ToJsonString());
        var script = RepoRoot.Combine("tests", "DualRail.Lightning.Tests", "node", "lnd-client-check.mjs");

        var (exitCode, output) = await ChildProcess.RunAsync(NodeTooling.Node, [script, "--config", config], TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, output);
        var line = output.Split('\n').Select(l => l.Trim()).Last(l => l.StartsWith('{'));
        var seen = (JsonObject)JsonNode.Parse(line)!;
        Assert.True((bool)seen["ok"]!);

        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        var hash = Google.Protobuf.ByteString.CopyFrom(Convert.FromHexString((string)seen["rHash"]!));
        var invoice = await merchant.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = hash });
        Assert.Equal(Invoice.Types.InvoiceState.Settled, invoice.State);
        Assert.Equal("node interop ☕", invoice.Memo);
        Assert.Equal(42_000, invoice.AmtPaidMsat);
        Assert.Equal(ulong.Parse((string)seen["addIndex"]!), invoice.AddIndex);
        Assert.Equal(ulong.Parse((string)seen["settleIndex"]!), invoice.SettleIndex);
        Assert.Equal((string?)seen["paymentRequest"], invoice.PaymentRequest);
        var balance = await merchant.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest());
        Assert.Equal(ulong.Parse((string)seen["merchantLocalMsat"]!), balance.LocalBalance.Msat);
        Assert.Equal((_sim.Host.Network.Options.LocalBalanceSat * 1000) + 42_000, (long)balance.LocalBalance.Msat);
    }
}
