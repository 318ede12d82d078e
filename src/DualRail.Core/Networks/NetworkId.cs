using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DualRail.Networks;

/// <summary>A CAIP-2 chain id: <c>namespace:reference</c>, e.g. <c>eip155:84532</c>.</summary>
public readonly partial record struct NetworkId
{
    public const string Eip155 = "eip155";
    public const string Bip122 = "bip122";

    private NetworkId(string @namespace, string reference)
    {
        Namespace = @namespace;
        Reference = reference;
    }

    public string Namespace { get; }

    public string Reference { get; }

    public bool IsEvm => Namespace == Eip155;

    public bool IsBitcoin => Namespace == Bip122;

    /// <summary>The EVM chain id of an <c>eip155</c> network, or null.</summary>
    public long? EvmChainId =>
        IsEvm && long.TryParse(Reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static NetworkId Evm(long chainId) => new(Eip155, chainId.ToString(CultureInfo.InvariantCulture));

    public static NetworkId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException($"'{value}' is not a CAIP-2 network id (namespace:reference).");

    public static bool TryParse([NotNullWhen(true)] string? value, out NetworkId id)
    {
        id = default;
        if (value is null)
            return false;
        var match = Caip2().Match(value);
        if (!match.Success)
            return false;
        id = new NetworkId(match.Groups[1].Value, match.Groups[2].Value);
        return true;
    }

    public override string ToString() => Namespace is null ? "" : $"{Namespace}:{Reference}";

    // CAIP-2: namespace [-a-z0-9]{3,8}, reference [-_a-zA-Z0-9]{1,32}.
    [GeneratedRegex("^([-a-z0-9]{3,8}):([-_a-zA-Z0-9]{1,32})$", RegexOptions.CultureInvariant)]
    private static partial Regex Caip2();
}
