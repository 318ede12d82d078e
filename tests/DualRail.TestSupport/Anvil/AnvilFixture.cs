using Xunit;

namespace DualRail.TestSupport;

/// <summary>
/// xUnit class fixture: one fresh Anvil (chain id 84532) per test class, with the test token both
/// deployed normally (<see cref="Token"/>) and installed at Base Sepolia's USDC address
/// (<see cref="BaseSepoliaToken"/>).
/// </summary>
public class AnvilFixture : IAsyncLifetime
{
    private AnvilProcess? _anvil;

    public AnvilProcess Anvil => _anvil ?? throw new InvalidOperationException("The fixture has not started.");

    public string RpcUrl => Anvil.RpcUrl;

    /// <summary>The token at a fresh CREATE address (name "USDC", version "2").</summary>
    public string Token { get; private set; } = "";

    /// <summary>The token's runtime at 0x036CbD53842c5426634e7929541eC2318f3dCF7e (name "USDC", version "2").</summary>
    public string BaseSepoliaToken { get; private set; } = "";

    protected virtual AnvilOptions Options => new();

    public virtual async Task InitializeAsync()
    {
        _anvil = await AnvilProcess.StartAsync(Options);
        Token = await _anvil.DeployTokenAsync();
        BaseSepoliaToken = await _anvil.InstallTokenAtAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_anvil is not null)
            await _anvil.DisposeAsync();
    }
}
