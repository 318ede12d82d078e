using System.Globalization;
using System.Numerics;

namespace DualRail.TestSupport;

/// <summary>
/// A real Anvil (node_modules/@foundry-rs/anvil-linux-amd64, pinned by package-lock.json) on
/// 127.0.0.1 and a free port, stopped on dispose. Start a fresh one per test class: Anvil slows
/// down as its chain grows.
/// </summary>
public sealed class AnvilProcess : IAsyncDisposable
{
    /// <summary>USDC on Base Sepolia; <see cref="InstallTokenAtAsync"/> puts our token there.</summary>
    public const string BaseSepoliaUsdc = "0x036CbD53842c5426634e7929541eC2318f3dCF7e";

    private readonly ChildProcess _process;

    private AnvilProcess(ChildProcess process, int port, long chainId)
    {
        _process = process;
        Port = port;
        ChainId = chainId;
        RpcUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        Rpc = new AnvilRpc(RpcUrl);
    }

    public int Port { get; }

    public long ChainId { get; }

    public string RpcUrl { get; }

    /// <summary>CAIP-2 network id, e.g. eip155:84532.</summary>
    public string Network => "eip155:" + ChainId.ToString(CultureInfo.InvariantCulture);

    public AnvilRpc Rpc { get; }

    public IReadOnlyList<DevAccount> Accounts => DevAccounts.All;

    /// <summary>Anvil's console output so far (for failure messages).</summary>
    public string Output => _process.Output;

    public static async Task<AnvilProcess> StartAsync(AnvilOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilOptions();
        var binary = NodeTooling.RequireAnvil();
        Exception? lastFailure = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort.Get();
            var process = ChildProcess.Start(binary, Arguments(options, port));
            var anvil = new AnvilProcess(process, port, options.ChainId);
            try
            {
                await anvil.WaitUntilReadyAsync(options.StartTimeout, cancellationToken);
                return anvil;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastFailure = ex;
                await anvil.DisposeAsync();
                // A port taken between FreePort.Get and Anvil's bind: try another one.
                if (!process.Output.Contains("in use", StringComparison.OrdinalIgnoreCase))
                    break;
            }
        }

        throw new InvalidOperationException("Anvil did not start.", lastFailure);
    }

    private static List<string> Arguments(AnvilOptions options, int port)
    {
        var arguments = new List<string>
        {
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--chain-id", options.ChainId.ToString(CultureInfo.InvariantCulture),
            "--quiet",
        };
        if (options.BlockTimeSeconds is { } blockTime)
            arguments.AddRange(["--block-time", blockTime.ToString(CultureInfo.InvariantCulture)]);
        if (options.GenesisTimestamp is { } timestamp)
            arguments.AddRange(["--timestamp", timestamp.ToString(CultureInfo.InvariantCulture)]);
        return arguments;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Anvil exited with code {_process.ExitCode}:\n{_process.Output}");
            try
            {
                var chainId = await Rpc.ChainIdAsync().WaitAsync(cts.Token);
                if (chainId != ChainId)
                    throw new InvalidOperationException($"Anvil on port {Port} reports chain id {chainId}, expected {ChainId}: another process owns that port.");
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Anvil did not answer eth_chainId within {timeout}:\n{_process.Output}");
            }

            await Task.Delay(50, cts.Token);
        }
    }

    /// <summary>Deploys the EIP-3009 test token with a creation transaction and returns its address.</summary>
    public async Task<string> DeployTokenAsync(string name = "USDC", string version = "2", string symbol = "USDC", DevAccount? deployer = null)
    {
        var arguments = TestAbi.Encode(TestAbi.String(name), TestAbi.String(version), TestAbi.String(symbol));
        return await DeployAsync(ContractArtifact.Token, arguments, deployer);
    }

    /// <summary>
    /// "Base Sepolia mode": puts the token's runtime code at <paramref name="address"/> with
    /// anvil_setCode (as the real USDC sits at a fixed address). The immutables (name, version) are
    /// baked by deploying once normally and copying the deployed code; storage starts empty, which
    /// the token is built for.
    /// </summary>
    public async Task<string> InstallTokenAtAsync(string address = BaseSepoliaUsdc, string name = "USDC", string version = "2", string symbol = "USDC")
    {
        var template = await DeployTokenAsync(name, version, symbol);
        var runtime = await Rpc.GetCodeAsync(template);
        await Rpc.CallAsync("anvil_setCode", address, runtime);
        return address;
    }

    /// <summary>Deploys the ERC-1271 test wallet owned by <paramref name="ownerAddress"/>.</summary>
    public Task<string> DeployTestWalletAsync(string ownerAddress, DevAccount? deployer = null) =>
        DeployAsync(ContractArtifact.TestWallet, TestAbi.Encode(TestAbi.Address(ownerAddress)), deployer);

    public async Task<string> DeployAsync(ContractArtifact artifact, string encodedConstructorArguments, DevAccount? deployer = null)
    {
        var receipt = await Rpc.SendTransactionAsync((deployer ?? DevAccounts.Account0).Address, null, artifact.Bytecode + encodedConstructorArguments);
        if (receipt.GetProperty("status").GetString() != "0x1")
            throw new InvalidOperationException($"Deploying {artifact.Name} failed: {receipt}");
        return receipt.GetProperty("contractAddress").GetString()!;
    }

    /// <summary>Mints test tokens (the token's mint is open to anyone).</summary>
    public async Task MintAsync(string token, string to, BigInteger amount)
    {
        var data = TestAbi.Call(ContractArtifact.Token.Selector("mint(address,uint256)"), TestAbi.Address(to), TestAbi.Uint(amount));
        var receipt = await Rpc.SendTransactionAsync(DevAccounts.Account0.Address, token, data);
        if (receipt.GetProperty("status").GetString() != "0x1")
            throw new InvalidOperationException($"mint failed: {receipt}");
    }

    public async Task<BigInteger> BalanceOfAsync(string token, string account) =>
        TestAbi.DecodeUint(await Rpc.EthCallAsync(token, TestAbi.Call(ContractArtifact.Token.Selector("balanceOf(address)"), TestAbi.Address(account))));

    public async Task<bool> AuthorizationStateAsync(string token, string authorizer, string nonce) =>
        TestAbi.DecodeBool(await Rpc.EthCallAsync(
            token,
            TestAbi.Call(ContractArtifact.Token.Selector("authorizationState(address,bytes32)"), TestAbi.Address(authorizer), TestAbi.Bytes32(nonce))));

    /// <summary>Moves the chain clock: the next block gets <paramref name="timestamp"/>, and one block is mined.</summary>
    public async Task MineAtAsync(long timestamp)
    {
        await Rpc.CallAsync("evm_setNextBlockTimestamp", timestamp);
        await Rpc.CallAsync("evm_mine");
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        await _process.DisposeAsync();
    }
}
