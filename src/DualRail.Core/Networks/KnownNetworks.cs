namespace DualRail.Networks;

/// <summary>
/// The networks DualRail knows out of the box: USDC deployments (reference/evm.md §3, domains checked
/// against on-chain separators) and the four Bitcoin networks of the Lightning rail.
/// </summary>
public static class KnownNetworks
{
    public static EvmNetwork Ethereum { get; } = Evm(1, "Ethereum", null, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "USD Coin", false);
    public static EvmNetwork EthereumSepolia { get; } = Evm(11155111, "Ethereum Sepolia", null, "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238", "USDC", true);
    public static EvmNetwork Base { get; } = Evm(8453, "Base", "base", "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", "USD Coin", false);
    public static EvmNetwork BaseSepolia { get; } = Evm(84532, "Base Sepolia", "base-sepolia", "0x036CbD53842c5426634e7929541eC2318f3dCF7e", "USDC", true);
    public static EvmNetwork AvalancheFuji { get; } = Evm(43113, "Avalanche Fuji", "avalanche-fuji", "0x5425890298aed601595a70AB815c96711a31Bc65", "USD Coin", true);
    public static EvmNetwork Avalanche { get; } = Evm(43114, "Avalanche C-Chain", "avalanche", "0xB97EF9Ef8734C71904D8002F8b6Bc66Dd9c48a6E", "USD Coin", false);
    public static EvmNetwork Polygon { get; } = Evm(137, "Polygon", "polygon", "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359", "USD Coin", false);
    public static EvmNetwork PolygonAmoy { get; } = Evm(80002, "Polygon Amoy", "polygon-amoy", "0x41E94Eb019C0762f9Bfcf9Fb1E58725BfB0e7582", "USDC", true);
    public static EvmNetwork ArbitrumOne { get; } = Evm(42161, "Arbitrum One", null, "0xaf88d065e77c8cC2239327C5EDb3A432268e5831", "USD Coin", false);

    public static LightningNetwork BitcoinMainnet { get; } = Ln("000000000019d6689c085ae165831e93", "mainnet", "lnbc", false);
    public static LightningNetwork BitcoinTestnet { get; } = Ln("000000000933ea01ad0ee984209779ba", "testnet", "lntb", true);
    public static LightningNetwork BitcoinSignet { get; } = Ln("00000008819873e925422c1ff0f99f7c", "signet", "lntbs", true);
    public static LightningNetwork BitcoinRegtest { get; } = Ln("0f9188f13cb7b2c71f2a335e3a4fc328", "regtest", "lnbcrt", true);

    public static IReadOnlyList<EvmNetwork> EvmNetworks { get; } =
        [Ethereum, EthereumSepolia, Base, BaseSepolia, AvalancheFuji, Avalanche, Polygon, PolygonAmoy, ArbitrumOne];

    public static IReadOnlyList<LightningNetwork> LightningNetworks { get; } =
        [BitcoinMainnet, BitcoinTestnet, BitcoinSignet, BitcoinRegtest];

    public static EvmNetwork? FindEvm(NetworkId id) => EvmNetworks.FirstOrDefault(n => n.Id == id);

    public static LightningNetwork? FindLightning(NetworkId id) => LightningNetworks.FirstOrDefault(n => n.Id == id);

    /// <summary>The Lightning network by name (mainnet, testnet, signet, regtest; "bitcoin" and "testnet3" too).</summary>
    public static LightningNetwork? FindLightningByName(string name) => name.ToLowerInvariant() switch
    {
        "bitcoin" or "mainnet" => BitcoinMainnet,
        "testnet" or "testnet3" => BitcoinTestnet,
        "signet" => BitcoinSignet,
        "regtest" => BitcoinRegtest,
        _ => null,
    };

    /// <summary>The CAIP-2 id of an x402 v1 network name (<c>base-sepolia</c>), or of a CAIP-2 string; null if neither.</summary>
    public static NetworkId? FromV1Name(string name)
    {
        var known = EvmNetworks.FirstOrDefault(n => string.Equals(n.V1Name, name, StringComparison.Ordinal));
        if (known is not null)
            return known.Id;
        return NetworkId.TryParse(name, out var id) ? id : null;
    }

    /// <summary>The x402 v1 name of a network, or null when v1 never named it.</summary>
    public static string? ToV1Name(NetworkId id) => FindEvm(id)?.V1Name;

    private static EvmNetwork Evm(long chainId, string displayName, string? v1Name, string usdc, string usdcName, bool testnet) => new()
    {
        Id = NetworkId.Evm(chainId),
        ChainId = chainId,
        DisplayName = displayName,
        V1Name = v1Name,
        UsdcAddress = usdc,
        UsdcName = usdcName,
        IsTestnet = testnet,
    };

    private static LightningNetwork Ln(string genesisPrefix, string name, string prefix, bool testnet) => new()
    {
        Id = NetworkId.Parse($"{NetworkId.Bip122}:{genesisPrefix}"),
        Name = name,
        Bolt11Prefix = prefix,
        IsTestnet = testnet,
    };
}
