using Microsoft.Extensions.Options;

namespace DualRail.Lightning.Rail;

internal sealed class LightningRailOptionsValidator : IValidateOptions<LightningRailOptions>
{
    public ValidateOptionsResult Validate(string? name, LightningRailOptions options) =>
        LightningRailNetwork.TryResolve(options.Network, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{LightningRailOptions.SectionName}:Network must be mainnet, testnet, signet, regtest or a bip122 network id (was '{options.Network}').");
}
