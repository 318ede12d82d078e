using DualRail.TestSupport;

namespace DualRail.Facilitator.Tests.Support;

/// <summary>A fresh Anvil (84532, token at Base Sepolia's USDC address) and a facilitator on it, per test class.</summary>
public sealed class FacilitatorFixture : AnvilFixture
{
    /// <summary>The relayer: a dev account no test uses for anything else.</summary>
    public static readonly DevAccount Relayer = DevAccounts.Account9;

    private DirectoryInfo? _directory;
    private FacilitatorHost? _host;

    public FacilitatorHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public string StorePath => Path.Combine(_directory!.FullName, "facilitator.db");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _directory = Directory.CreateTempSubdirectory("dualrail-facilitator-");
        _host = await FacilitatorHost.StartAsync(Anvil.Network, Anvil.RpcUrl, Relayer, StorePath);
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        await base.DisposeAsync();
        _directory?.Delete(recursive: true);
    }
}
