using DualRail.Networks;
using Microsoft.Extensions.Options;

namespace DualRail.Evm.Rail;

/// <summary>Validates <see cref="EvmRailOptions"/> on start against the network registry.</summary>
internal sealed class EvmRailOptionsValidator(NetworkRegistry registry) : IValidateOptions<EvmRailOptions>
{
    public ValidateOptionsResult Validate(string? name, EvmRailOptions options) =>
        EvmRailSettings.TryResolve(options, registry, out _, out var errors)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors);
}
