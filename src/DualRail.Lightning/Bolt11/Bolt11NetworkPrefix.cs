namespace DualRail.Lightning.Bolt11;

/// <summary>The BIP-173 currency prefix that follows <c>ln</c> for each network.</summary>
internal static class Bolt11NetworkPrefix
{
    public static string Of(Bolt11Network network) => network switch
    {
        Bolt11Network.Mainnet => "bc",
        Bolt11Network.Testnet => "tb",
        Bolt11Network.Signet => "tbs",
        Bolt11Network.Regtest => "bcrt",
        Bolt11Network.Simnet => "sb",
        _ => throw new ArgumentOutOfRangeException(nameof(network), network, "unknown network"),
    };

    public static Bolt11Network? Parse(string currency) => currency switch
    {
        "bc" => Bolt11Network.Mainnet,
        "tb" => Bolt11Network.Testnet,
        "tbs" => Bolt11Network.Signet,
        "bcrt" => Bolt11Network.Regtest,
        "sb" => Bolt11Network.Simnet,
        _ => null,
    };
}
