using Microsoft.Extensions.Options;

namespace DualRail.Lightning.Rail;

internal sealed class LightningRailOptionsValidator : IValidateOptions<LightningRailOptions>
{
    public ValidateOptionsResult Validate(string? name, LightningRailOptions options)
    {
        if (!LightningRailNetwork.TryResolve(options.Network, out _))
        {
            return ValidateOptionsResult.Fail(
                $"{LightningRailOptions.SectionName}:Network must be mainnet, testnet, signet, regtest or a bip122 network id (was '{options.Network}').");
        }

        return options.SettledInvoiceCacheSize < 0
            ? ValidateOptionsResult.Fail($"{LightningRailOptions.SectionName}:SettledInvoiceCacheSize must be 0 or more.")
            : ValidateOptionsResult.Success;
    }
}
