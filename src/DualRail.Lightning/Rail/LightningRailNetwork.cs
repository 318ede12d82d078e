using System.Diagnostics.CodeAnalysis;
using DualRail.Lightning.Bolt11;
using DualRail.Networks;

namespace DualRail.Lightning.Rail;

/// <summary>Maps the configured network to its bip122 id and its BOLT #11 prefix.</summary>
internal static class LightningRailNetwork
{
    public static bool TryResolve(string? configured, [NotNullWhen(true)] out LightningNetwork? network)
    {
        network = null;
        if (string.IsNullOrWhiteSpace(configured))
        {
            return false;
        }

        network = KnownNetworks.FindLightningByName(configured.Trim())
            ?? (NetworkId.TryParse(configured.Trim(), out var id) ? KnownNetworks.FindLightning(id) : null);
        return network is not null;
    }

    public static Bolt11Network ToBolt11(LightningNetwork network) => network.Bolt11Prefix switch
    {
        "lnbc" => Bolt11Network.Mainnet,
        "lntb" => Bolt11Network.Testnet,
        "lntbs" => Bolt11Network.Signet,
        "lnbcrt" => Bolt11Network.Regtest,
        _ => throw new ArgumentOutOfRangeException(nameof(network), network.Bolt11Prefix, "no BOLT11 network for this prefix"),
    };
}
