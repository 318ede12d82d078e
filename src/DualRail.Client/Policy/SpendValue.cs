using DualRail.Money;
using DualRail.Networks;
using DualRail.Protocol;

namespace DualRail.Client.Policy;

/// <summary>The value of an offer in the unit its limits are written in: USD or millisatoshis.</summary>
internal readonly record struct SpendValue(SpendUnit Unit, decimal Amount)
{
    public static bool TryFrom(PaymentRequirements requirements, out SpendValue value, out string error)
    {
        value = default;
        if (!AtomicAmount.TryParse(requirements.Amount, out var atomic, out var parseError))
        {
            error = $"amount '{requirements.Amount}' is not an atomic amount ({parseError})";
            return false;
        }
        if (!NetworkId.TryParse(requirements.Network, out var network))
        {
            error = $"network '{requirements.Network}' is not a CAIP-2 id";
            return false;
        }
        if (KnownNetworks.FindLightning(network) is not null)
        {
            value = new SpendValue(SpendUnit.Millisatoshi, (decimal)atomic.Value);
            error = "";
            return true;
        }
        if (KnownNetworks.FindEvm(network) is { } evm
            && string.Equals(evm.UsdcAddress, requirements.Asset, StringComparison.OrdinalIgnoreCase))
        {
            value = new SpendValue(SpendUnit.Usd, (decimal)atomic.Value / Pow10(evm.UsdcDecimals));
            error = "";
            return true;
        }
        error = $"asset {requirements.Asset} on {requirements.Network} has no known value";
        return false;
    }

    public static SpendValue FromLimit(Price price) => price.IsUsd
        ? new SpendValue(SpendUnit.Usd, price.Value)
        : new SpendValue(SpendUnit.Millisatoshi, price.ToMillisatoshis());

    public override string ToString() => Unit == SpendUnit.Usd ? $"${Amount:0.######}" : $"{Amount} msat";

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }
}
