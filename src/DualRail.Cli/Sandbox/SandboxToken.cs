using System.Text.Json.Nodes;
using DualRail.Crypto;
using DualRail.Evm;
using DualRail.Evm.Abi;

namespace DualRail.Cli.Sandbox;

/// <summary>
/// Puts the EIP-3009 test token at Base Sepolia's USDC address on the local chain: deploy it with
/// Base Sepolia's EIP-712 domain ("USDC", "2"), copy its runtime code (immutables filled in) to the USDC
/// address with anvil_setCode, and mint to the payer.
/// </summary>
internal static class SandboxToken
{
    public static async Task InstallAsync(AnvilChain chain, RepoLayout repo, CancellationToken cancellationToken)
    {
        var artifact = JsonNode.Parse(await File.ReadAllTextAsync(repo.TokenArtifact, cancellationToken))!;
        var creation = Hex.Decode((string)artifact["bytecode"]!);
        var arguments = new AbiEncoder().String("USDC").String("2").String("USDC").Encode();
        var receipt = await chain.SendTransactionAsync(SandboxAccounts.RelayerAddress, null, Hex.Encode([.. creation, .. arguments], withPrefix: true), cancellationToken);
        var deployed = (string)receipt["contractAddress"]!;
        var runtime = (string)(await chain.CallAsync("eth_getCode", deployed, "latest"))!;
        await chain.CallAsync("anvil_setCode", SandboxAccounts.UsdcAddress, runtime);

        var mint = new AbiEncoder()
            .Address(EvmAddress.Parse(SandboxAccounts.PayerAddress))
            .UInt256(SandboxAccounts.PayerMintAtomic)
            .EncodeCall(FunctionSelector.Compute("mint(address,uint256)"));
        await chain.SendTransactionAsync(SandboxAccounts.RelayerAddress, SandboxAccounts.UsdcAddress, Hex.Encode(mint, withPrefix: true), cancellationToken);
    }
}
