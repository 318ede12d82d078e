using System.Net;
using DualRail.Cli.Hosting;
using DualRail.LndSim.Hosting;
using DualRail.Networks;
using DualRail.Protocol;

namespace DualRail.Cli.Sandbox;

/// <summary>
/// Starts the whole local stack (Anvil as Base Sepolia with the token at the USDC address, the LND
/// simulator with merchant and payer, the facilitator, the demo server), writes the state file, prints
/// <c>ready</c>, and on cancellation (Ctrl+C, SIGTERM) stops everything it started.
/// </summary>
internal sealed class SandboxRunner(TextWriter output, TextWriter error, Action<string> progress)
{
    public async Task<int> RunAsync(int port, string statePath, CancellationToken cancellationToken)
    {
        statePath = Path.GetFullPath(statePath);
        var directory = Path.GetDirectoryName(statePath)!;
        var started = new Stack<IAsyncDisposable>();
        try
        {
            var repo = RepoLayout.Find();
            PrepareDirectory(directory, statePath);

            await NodeTooling.EnsureAnvilAsync(repo, progress, cancellationToken);
            progress("Starting Anvil (chain id 84532)");
            var anvil = await AnvilChain.StartAsync(repo, cancellationToken);
            started.Push(anvil);
            progress("Installing the EIP-3009 test token at Base Sepolia's USDC address and minting to the payer");
            await SandboxToken.InstallAsync(anvil, repo, cancellationToken);

            progress("Starting the LND simulator (merchant, payer)");
            var lnd = new LndSimulatorHost(new LndSimulatorOptions { DataDir = Path.Combine(directory, "lnd"), Nodes = ["merchant", "payer"] });
            started.Push(lnd);
            await lnd.StartAsync(cancellationToken);
            var merchant = lnd.Node("merchant");
            var payer = lnd.Node("payer");

            progress("Starting the facilitator");
            var facilitatorUrl = $"http://127.0.0.1:{FreePort.Next()}";
            var relayerKeyFile = Path.Combine(directory, "relayer.key");
            await WriteSecretAsync(relayerKeyFile, SandboxAccounts.RelayerKey, cancellationToken);
            var facilitator = FacilitatorApp.Build([], new Dictionary<string, string?>
            {
                ["urls"] = facilitatorUrl,
                ["DualRail:Facilitator:Chains:0:Network"] = SandboxAccounts.Network,
                ["DualRail:Facilitator:Chains:0:RpcUrl"] = anvil.RpcUrl,
                ["DualRail:Facilitator:RelayerKeyFile"] = relayerKeyFile,
                ["DualRail:Facilitator:StorePath"] = Path.Combine(directory, "facilitator.db"),
            }, LogLevel.Warning, embedded: true);
            started.Push(facilitator);
            await facilitator.StartAsync(cancellationToken);

            progress("Starting the server");
            var serverUrl = $"http://127.0.0.1:{port}";
            var server = DemoServerApp.Build(new Dictionary<string, string?>
            {
                ["urls"] = serverUrl,
                ["DualRail:Ledger:Path"] = Path.Combine(directory, "dualrail.db"),
                ["DualRail:ExchangeRates:UsdPerBtc"] = "100000",
                ["DualRail:Evm:Network"] = SandboxAccounts.Network,
                ["DualRail:Evm:PayTo"] = SandboxAccounts.MerchantAddress,
                ["DualRail:Evm:Facilitators:0:Url"] = facilitatorUrl,
                ["DualRail:Lightning:Network"] = "regtest",
                ["DualRail:Lightning:Lnd:Endpoint"] = merchant.Endpoint,
                ["DualRail:Lightning:Lnd:TlsCertPath"] = merchant.Files.TlsCertPath,
                // What LND's invoice.macaroon grants (invoices, address, onchain:read) is all the server needs.
                ["DualRail:Lightning:Lnd:MacaroonPath"] = merchant.Files.InvoiceMacaroonPath,
            });
            started.Push(server);
            await server.StartAsync(cancellationToken);
            await WaitUntilBothRailsSellAsync(serverUrl, cancellationToken);

            new SandboxState
            {
                ServerUrl = serverUrl,
                Evm = new SandboxEvmState
                {
                    RpcUrl = anvil.RpcUrl,
                    ChainId = SandboxAccounts.ChainId,
                    Network = SandboxAccounts.Network,
                    Token = SandboxAccounts.UsdcAddress,
                    PayTo = SandboxAccounts.MerchantAddress,
                    PayerAddress = SandboxAccounts.PayerAddress,
                    PayerPrivateKey = SandboxAccounts.PayerKey,
                    FacilitatorUrl = facilitatorUrl,
                },
                Lightning = new SandboxLightningState
                {
                    Network = KnownNetworks.BitcoinRegtest.Id.ToString(),
                    Merchant = new SandboxLndNode { Endpoint = merchant.Endpoint, TlsCertPath = merchant.Files.TlsCertPath, MacaroonPath = merchant.Files.AdminMacaroonPath },
                    Payer = new SandboxLndNode { Endpoint = payer.Endpoint, TlsCertPath = payer.Files.TlsCertPath, MacaroonPath = payer.Files.AdminMacaroonPath },
                },
            }.Save(statePath);

            await output.WriteLineAsync(
                $"ready: server {serverUrl} (GET {serverUrl}/api/free, GET {serverUrl}/api/demo on both rails), " +
                $"facilitator {facilitatorUrl}, anvil {anvil.RpcUrl} (chain id 84532: a local chain, NOT Base Sepolia), " +
                $"LND simulator merchant {merchant.Endpoint} payer {payer.Endpoint}, state {statePath}");
            await output.WriteLineAsync($"pay:   dualrail pay --sandbox {serverUrl}/api/demo --rail evm   (or --rail lightning); Ctrl+C stops the sandbox");
            await output.FlushAsync(cancellationToken);

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or HttpRequestException)
        {
            await error.WriteLineAsync($"error: the sandbox could not start: {e.Message}");
            return ExitCodes.Error;
        }
        finally
        {
            progress("Stopping the sandbox");
            while (started.TryPop(out var component))
                await StopAsync(component);
            if (File.Exists(statePath))
                File.Delete(statePath);
            await output.WriteLineAsync("stopped");
        }
    }

    private static void PrepareDirectory(string directory, string statePath)
    {
        Directory.CreateDirectory(directory);
        // Each run is a fresh chain and fresh nodes: old ledgers and invoices mean nothing any more.
        foreach (var stale in new[] { "dualrail.db", "facilitator.db" })
        {
            foreach (var file in Directory.GetFiles(directory, stale + "*"))
                File.Delete(file);
        }
        if (File.Exists(statePath))
            File.Delete(statePath);
    }

    private static async Task WriteSecretAsync(string path, string secret, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path, secret, cancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static async Task WaitUntilBothRailsSellAsync(string serverUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(serverUrl), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var free = await http.GetAsync("/api/free", cancellationToken);
                using var demo = await http.GetAsync("/api/demo", cancellationToken);
                if (free.StatusCode == HttpStatusCode.OK
                    && demo.StatusCode == HttpStatusCode.PaymentRequired
                    && demo.Headers.TryGetValues(X402Headers.PaymentRequired, out var values)
                    && X402HeaderCodec.TryDecode<PaymentRequired>(values.First(), out var terms, out _)
                    && terms!.Accepts.Count >= 2)
                {
                    return;
                }
                last = $"/api/free {(int)free.StatusCode}, /api/demo {(int)demo.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"the server at {serverUrl} did not offer both rails within 60 s ({last}).");
    }

    private async Task StopAsync(IAsyncDisposable component)
    {
        try
        {
            if (component is WebApplication app)
                await app.StopAsync(TimeSpan.FromSeconds(5));
            await component.DisposeAsync();
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"warning: stopping {component.GetType().Name}: {e.Message}");
        }
    }
}
