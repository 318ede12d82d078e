namespace DualRail.Cli.Sandbox;

/// <summary>
/// Anvil's well-known dev accounts (mnemonic "test test … junk"): public test keys with no value
/// anywhere. Account 0 deploys and pays settlement gas, 1 is the payer, 2 is the merchant.
/// </summary>
internal static class SandboxAccounts
{
    public const string RelayerAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    public const string RelayerKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    public const string PayerAddress = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    public const string PayerKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    public const string MerchantAddress = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

    /// <summary>Base Sepolia: the token runs at its USDC address on the local chain (which is NOT Base Sepolia).</summary>
    public const long ChainId = 84532;
    public const string Network = "eip155:84532";
    public const string UsdcAddress = "0x036CbD53842c5426634e7929541eC2318f3dCF7e";

    /// <summary>1000 USDC (6 decimals) minted to the payer.</summary>
    public const long PayerMintAtomic = 1_000_000_000;
}
