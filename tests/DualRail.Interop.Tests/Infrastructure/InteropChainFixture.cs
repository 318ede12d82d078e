using System.Numerics;
using DualRail.TestSupport;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>
/// One fresh Anvil per test class that looks like Base Sepolia to the reference packages: chain id
/// 84532, the test token at USDC's address, Multicall3 at its canonical address, and a funded payer.
/// </summary>
public class InteropChainFixture : AnvilFixture
{
    /// <summary>USDC the payer starts with (atomic units, 6 decimals): 100 USDC.</summary>
    public static readonly BigInteger PayerFunds = 100_000_000;

    /// <summary>Pays for resources; holds <see cref="PayerFunds"/>.</summary>
    public DevAccount Payer => DevAccounts.Account1;

    /// <summary>Pays gas for settlement in whichever facilitator the test runs.</summary>
    public DevAccount Relayer => DevAccounts.Account2;

    public override async Task InitializeAsync()
    {
        if (InteropScripts.MissingToolingReason() is not null)
            return; // every test in the class is skipped
        await base.InitializeAsync();
        await NodeScript.RunAsync(InteropScripts.InstallMulticall3, ["--rpc", RpcUrl], timeout: TimeSpan.FromSeconds(60), expectedEvent: "done");
        await Anvil.MintAsync(BaseSepoliaToken, Payer.Address, PayerFunds);
    }

    public Task<BigInteger> BalanceOfAsync(string account) => Anvil.BalanceOfAsync(BaseSepoliaToken, account);
}
