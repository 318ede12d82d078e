using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DualRail.Evm.Eip712;
using DualRail.Networks;

namespace DualRail.Evm.Rail;

/// <summary><see cref="EvmRailOptions"/> checked and completed from the network registry.</summary>
internal sealed record EvmRailSettings
{
    public const string Scheme = "exact";

    public required NetworkId Network { get; init; }

    public required long ChainId { get; init; }

    public required EvmAddress Asset { get; init; }

    public required EvmAddress PayTo { get; init; }

    public required string TokenName { get; init; }

    public required string TokenVersion { get; init; }

    public required int Decimals { get; init; }

    public int? MaxTimeoutSeconds { get; init; }

    public bool AcceptContractWalletSignatures { get; init; }

    public Eip712Domain Domain => Eip712Domain.ForToken(TokenName, TokenVersion, ChainId, Asset);

    public static EvmRailSettings Resolve(EvmRailOptions options, NetworkRegistry registry) =>
        TryResolve(options, registry, out var settings, out var errors)
            ? settings
            : throw new InvalidOperationException(string.Join(" ", errors));

    public static bool TryResolve(EvmRailOptions options, NetworkRegistry registry, [NotNullWhen(true)] out EvmRailSettings? settings, out List<string> errors)
    {
        settings = null;
        errors = [];
        const string at = EvmRailOptions.SectionName;

        if (!NetworkId.TryParse(options.Network, out var network) || network.EvmChainId is not { } chainId || chainId <= 0)
        {
            errors.Add($"{at}:Network must be an eip155 CAIP-2 id such as eip155:84532.");
            return false;
        }

        registry.TryGetEvm(network, out var known);
        var assetText = options.Asset ?? known?.UsdcAddress;
        EvmAddress asset = default;
        if (assetText is null)
            errors.Add($"{at}:Asset is required: {network} has no USDC in the network registry.");
        else if (!EvmAddress.TryParse(assetText, out asset) || asset.IsZero)
            errors.Add($"{at}:Asset must be a token address (0x + 40 hex digits, valid EIP-55 checksum if mixed case).");

        if (!EvmAddress.TryParse(options.PayTo, out var payTo) || payTo.IsZero)
            errors.Add($"{at}:PayTo must be the merchant's address (0x + 40 hex digits, not the zero address).");

        // The registry's USDC domain only describes the registry's USDC: a custom asset needs its own.
        var usesRegistryToken = known is not null && options.Asset is null || known is not null && asset == EvmAddress.Parse(known.UsdcAddress);
        var name = options.TokenName ?? (usesRegistryToken ? known!.UsdcName : null);
        var version = options.TokenVersion ?? (usesRegistryToken ? known!.UsdcVersion : null);
        var decimals = options.Decimals ?? (usesRegistryToken ? known!.UsdcDecimals : null);
        if (string.IsNullOrEmpty(name))
            errors.Add($"{at}:TokenName (the token's EIP-712 domain name) is required for a token the registry does not know.");
        if (string.IsNullOrEmpty(version))
            errors.Add($"{at}:TokenVersion (the token's EIP-712 domain version) is required for a token the registry does not know.");
        if (decimals is not { } d || d is < 0 or > 36)
            errors.Add($"{at}:Decimals must be between 0 and 36 (USDC: 6).");
        if (options.MaxTimeoutSeconds is < 7 or > 86_400)
            errors.Add($"{at}:MaxTimeoutSeconds must be between 7 and 86400 (a payer needs more than the 6-second settlement buffer).");

        if (errors.Count > 0)
            return false;

        settings = new EvmRailSettings
        {
            Network = network,
            ChainId = chainId,
            Asset = asset,
            PayTo = payTo,
            TokenName = name!,
            TokenVersion = version!,
            Decimals = decimals!.Value,
            MaxTimeoutSeconds = options.MaxTimeoutSeconds,
            AcceptContractWalletSignatures = options.AcceptContractWalletSignatures,
        };
        return true;
    }

    /// <summary>"evm:&lt;chainId&gt;:&lt;token&gt;:&lt;from&gt;:&lt;nonce&gt;", lower-case hex: one authorization, once.</summary>
    public string SingleUseKey(EvmAddress from, byte[] nonce) =>
        string.Create(CultureInfo.InvariantCulture, $"evm:{ChainId}:{Asset.ToLowerHex()}:{from.ToLowerHex()}:0x{Convert.ToHexStringLower(nonce)}");
}
