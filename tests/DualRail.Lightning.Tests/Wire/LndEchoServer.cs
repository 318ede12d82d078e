using DualRail.Lightning.Lnd;
using DualRail.Lightning.Tests.Support;
using DualRail.LndSim.Tls;
using DualRail.TestSupport;

namespace DualRail.Lightning.Tests.Wire;

/// <summary>
/// node/lnd-echo-server.mjs: a gRPC server on LND's real protos (npm @lightningpolar/lnd-api) that
/// echoes every request it decoded. One per test class.
/// </summary>
public sealed class LndEchoServer : IAsyncLifetime
{
    public const string MacaroonHex = "0201036c6e6402f801030a10b3bf6906c1937139ac0684ac4417139d1201301a160a0761646472657373";

    private readonly string _directory = Directory.CreateTempSubdirectory("dualrail-echo-").FullName;
    private ChildProcess? _process;

    public string CertPath { get; private set; } = "";

    public string Endpoint { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var certificate = SelfSignedTlsCertificate.Create("echo");
        var (certPath, keyPath) = certificate.WritePem(_directory);
        CertPath = certPath;
        NodeTooling.Require("@lightningpolar", "lnd-api", "protos", "lightning.proto");
        var script = RepoRoot.Combine("tests", "DualRail.Lightning.Tests", "node", "lnd-echo-server.mjs");
        _process = ChildProcess.Start(NodeTooling.Node, [script, "--cert", certPath, "--key", keyPath]);
        var ready = await ReadyLine.WaitAsync(_process, "port", TimeSpan.FromSeconds(30));
        Endpoint = $"https://127.0.0.1:{(int)ready["port"]!}";
    }

    public LndClientOptions Options(Action<LndClientOptions>? change = null)
    {
        var options = new LndClientOptions { Endpoint = Endpoint, TlsCertPath = CertPath, MacaroonHex = MacaroonHex };
        change?.Invoke(options);
        return options;
    }

    public LndClient CreateClient(Action<LndClientOptions>? change = null) => new(Options(change));

    public async Task DisposeAsync()
    {
        if (_process is not null)
            await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
