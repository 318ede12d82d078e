using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DualRail.TestSupport;

namespace DualRail.Integration.Tests.Regtest;

/// <summary>
/// docker-compose.regtest.yml driven by Testcontainers' ComposeBuilder: bitcoind, two real LND nodes,
/// Anvil, the bootstrap job, the facilitator and the server. Started once for the collection; without a
/// Docker engine it does not start and <see cref="UnavailableReason"/> says why.
/// </summary>
public sealed class RegtestStack : IAsyncLifetime
{
    private const ushort HttpPort = 8080;
    private const ushort LndGrpcPort = 10009;
    private ComposeContainer? _compose;

    public string? UnavailableReason { get; private set; }

    public Uri ServerUrl => new($"http://{Compose.GetServiceHost("server", HttpPort)}:{Compose.GetServicePort("server", HttpPort)}");

    public Uri PayerLndEndpoint => new($"https://{Compose.GetServiceHost("lnd-payer", LndGrpcPort)}:{Compose.GetServicePort("lnd-payer", LndGrpcPort)}");

    private ComposeContainer Compose => _compose ?? throw new InvalidOperationException(UnavailableReason);

    public async Task InitializeAsync()
    {
        UnavailableReason = await DockerEngine.UnavailableReasonAsync();
        if (UnavailableReason is not null)
            return;

        _compose = new ComposeBuilder("docker:29-cli")
            .WithComposeFile(RepoRoot.Combine("docker-compose.regtest.yml"))
            // Only what the stack and the server image need (not bin/, obj/ or node_modules/).
            .WithCopyFilesInContainer(
                "Dockerfile", ".dockerignore", "global.json", "Directory.Build.props", "Directory.Packages.props",
                ".editorconfig", "protos", "src", "regtest/DualRail.LndSim", "regtest/bootstrap", "regtest/lnd", "regtest/contracts/out")
            .WithComposeUpOption("--build", "--wait")
            .WithExposedService("server", HttpPort)
            .WithExposedService("lnd-payer", LndGrpcPort)
            .Build();
        await _compose.StartAsync();
    }

    /// <summary>Reads a file out of a service's container (e.g. the payer's tls.cert and admin.macaroon).</summary>
    public Task<byte[]> ReadFileAsync(string service, string path) => Compose.GetServiceContainer(service).ReadFileAsync(path);

    /// <summary>Runs a command inside a service's container and returns its standard output.</summary>
    public async Task<string> ExecAsync(string service, params string[] command)
    {
        var result = await Compose.GetServiceContainer(service).ExecAsync(command);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} in {service} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    }

    public async Task DisposeAsync()
    {
        if (_compose is not null)
            await _compose.DisposeAsync();
    }
}
