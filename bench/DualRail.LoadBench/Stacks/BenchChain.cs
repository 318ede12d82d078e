using System.Numerics;
using DualRail.TestSupport;

namespace DualRail.LoadBench.Stacks;

/// <summary>
/// A fresh Anvil that looks like Base Sepolia (chain id 84532, the test token at USDC's address,
/// Multicall3 for the reference facilitator) with a funded payer. One per measured phase: Anvil gets
/// slower per block as its chain grows.
/// </summary>
internal sealed class BenchChain : IAsyncDisposable
{
    public static readonly DevAccount Payer = DevAccounts.Account2;
    public static readonly DevAccount Merchant = DevAccounts.Account1;
    public static readonly DevAccount Relayer = DevAccounts.Account9;

    /// <summary>How the bench's Anvil mines (reported next to the settlement numbers).</summary>
    public const string MiningMode = "automine (one block per transaction)";

    private BenchChain(AnvilProcess anvil, string token)
    {
        Anvil = anvil;
        Token = token;
    }

    public AnvilProcess Anvil { get; }

    public string Token { get; }

    public static async Task<BenchChain> StartAsync()
    {
        var anvil = await AnvilProcess.StartAsync(new AnvilOptions());
        var token = await anvil.InstallTokenAtAsync();
        await NodeService.RunAsync(RepoRoot.Combine("tests", "interop", "install-multicall3.mjs"), ["--rpc", anvil.RpcUrl], "done");
        await anvil.MintAsync(token, Payer.Address, BigInteger.Pow(10, 15));
        return new BenchChain(anvil, token);
    }

    public Task<BigInteger> BalanceAsync(string account) => Anvil.BalanceOfAsync(Token, account);

    public ValueTask DisposeAsync() => Anvil.DisposeAsync();
}
