using System.Numerics;
using DualRail.TestSupport;

namespace DualRail.Integration.Tests.Evm.Infrastructure;

/// <summary>
/// Per test class: a fresh Anvil as Base Sepolia (the test token at the USDC address), our facilitator
/// relaying with dev account 9, and a paid server selling to dev account 1. Payers 2-4 hold 100 tokens.
/// </summary>
public sealed class EvmStackFixture : AnvilFixture
{
    public static readonly DevAccount Merchant = DevAccounts.Account1;
    public static readonly DevAccount Relayer = DevAccounts.Account9;
    public static readonly BigInteger Funding = 100_000_000;

    private InProcessFacilitator? _facilitator;
    private EvmPaidServer? _server;

    public DirectoryInfo Directory { get; private set; } = null!;

    internal InProcessFacilitator Facilitator => _facilitator ?? throw new InvalidOperationException("Not started.");

    internal EvmPaidServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory = System.IO.Directory.CreateTempSubdirectory("dualrail-evm-it-");
        foreach (var payer in new[] { DevAccounts.Account2, DevAccounts.Account3, DevAccounts.Account4 })
            await Anvil.MintAsync(BaseSepoliaToken, payer.Address, Funding);
        _facilitator = await InProcessFacilitator.StartAsync(Anvil, Relayer, Directory);
        _server = await StartServerAsync();
    }

    /// <summary>Another paid server on the same chain and facilitator (fresh ledger), e.g. with other token settings.</summary>
    internal Task<EvmPaidServer> StartServerAsync(IDictionary<string, string?>? overrides = null, string? facilitatorUrl = null) =>
        EvmPaidServer.StartAsync(Anvil.Network, Merchant.Address, facilitatorUrl ?? Facilitator.Url, Directory, overrides);

    public Task<BigInteger> BalanceAsync(string account) => Anvil.BalanceOfAsync(BaseSepoliaToken, account);

    public override async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        if (_facilitator is not null)
            await _facilitator.DisposeAsync();
        await base.DisposeAsync();
        try
        {
            Directory?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the OS cleans the temp directory.
        }
    }
}
