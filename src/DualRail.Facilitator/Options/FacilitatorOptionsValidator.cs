using DualRail.Networks;
using Microsoft.Extensions.Options;

namespace DualRail.Facilitator.Options;

/// <summary>Checks the configuration on start (ValidateOnStart), with messages that say what to fix.</summary>
internal sealed class FacilitatorOptionsValidator : IValidateOptions<FacilitatorOptions>
{
    public ValidateOptionsResult Validate(string? name, FacilitatorOptions options)
    {
        var failures = new List<string>();
        if (options.Chains.Count == 0)
            failures.Add($"{FacilitatorOptions.SectionName}:Chains is empty: configure at least one chain (Network, RpcUrl).");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Chains.Count; i++)
        {
            var chain = options.Chains[i];
            var where = $"{FacilitatorOptions.SectionName}:Chains:{i}";
            if (!NetworkId.TryParse(chain.Network, out var network) || network.EvmChainId is not { } chainId)
            {
                failures.Add($"{where}:Network '{chain.Network}' is not an eip155 CAIP-2 id such as eip155:84532.");
                continue;
            }

            if (!seen.Add(network.ToString()))
                failures.Add($"{where}:Network {network} is configured twice.");
            if (chain.ChainId is { } configured && configured != chainId)
                failures.Add($"{where}:ChainId {configured} does not match Network {network}.");
            if (!Uri.TryCreate(chain.RpcUrl, UriKind.Absolute, out var rpc) || (rpc.Scheme != Uri.UriSchemeHttp && rpc.Scheme != Uri.UriSchemeHttps))
                failures.Add($"{where}:RpcUrl must be an absolute http(s) URL.");
            if (chain.GasBufferPercent is < 0 or > 500)
                failures.Add($"{where}:GasBufferPercent must be between 0 and 500.");
        }

        if (string.IsNullOrWhiteSpace(options.RelayerKeyFile) && string.IsNullOrWhiteSpace(options.RelayerKeyEnvironmentVariable))
            failures.Add($"Set {FacilitatorOptions.SectionName}:RelayerKeyFile or :RelayerKeyEnvironmentVariable.");
        if (string.IsNullOrWhiteSpace(options.StorePath))
            failures.Add($"{FacilitatorOptions.SectionName}:StorePath is empty.");
        if (options.ValidBeforeMargin < TimeSpan.Zero)
            failures.Add($"{FacilitatorOptions.SectionName}:ValidBeforeMargin must not be negative.");
        if (options.ReceiptTimeout <= TimeSpan.Zero || options.ReceiptPollInterval <= TimeSpan.Zero)
            failures.Add($"{FacilitatorOptions.SectionName}:ReceiptTimeout and :ReceiptPollInterval must be positive.");
        if (options.MaxRequestBodyBytes < 1024)
            failures.Add($"{FacilitatorOptions.SectionName}:MaxRequestBodyBytes must be at least 1024.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
