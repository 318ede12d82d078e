using DualRail.Money;
using DualRail.Protocol;

namespace DualRail.Client.Policy;

/// <summary>
/// Checks an offer against <see cref="SpendPolicyOptions"/> and keeps the session total. A successful
/// <see cref="TryReserve"/> counts the amount at once (so concurrent requests cannot overshoot the session
/// limit); <see cref="Release"/> gives it back when the payment was not made after all.
/// </summary>
public sealed class SpendPolicy
{
    private readonly SpendPolicyOptions _options;
    private readonly Dictionary<SpendUnit, decimal> _maxPerRequest;
    private readonly Dictionary<SpendUnit, decimal> _maxPerSession;
    private readonly Dictionary<SpendUnit, decimal> _spent = [];
    private readonly Lock _gate = new();

    public SpendPolicy(SpendPolicyOptions options)
    {
        _options = options;
        _maxPerRequest = ParseLimits(options.MaxPerRequest, nameof(options.MaxPerRequest));
        _maxPerSession = ParseLimits(options.MaxPerSession, nameof(options.MaxPerSession));
    }

    /// <summary>Checks without reserving; null when allowed, else the reason.</summary>
    public string? Check(PaymentRequirements requirements) => Evaluate(requirements, reserve: false);

    /// <summary>Checks and, when allowed, counts the amount against the session limit.</summary>
    public bool TryReserve(PaymentRequirements requirements, out string? refusal)
    {
        refusal = Evaluate(requirements, reserve: true);
        return refusal is null;
    }

    /// <summary>Gives back a reservation whose payment was not made.</summary>
    public void Release(PaymentRequirements requirements)
    {
        if (!SpendValue.TryFrom(requirements, out var value, out _))
            return;
        lock (_gate)
        {
            if (_spent.TryGetValue(value.Unit, out var spent))
                _spent[value.Unit] = Math.Max(0, spent - value.Amount);
        }
    }

    private string? Evaluate(PaymentRequirements requirements, bool reserve)
    {
        if (!Allowed(_options.AllowedNetworks, requirements.Network))
            return $"network {requirements.Network} is not allowed";
        if (!Allowed(_options.AllowedAssets, requirements.Asset))
            return $"asset {requirements.Asset} is not allowed";
        if (!Allowed(_options.AllowedPayees, requirements.PayTo))
            return $"payee {requirements.PayTo} is not allowed";

        var limited = _maxPerRequest.Count > 0 || _maxPerSession.Count > 0;
        if (!SpendValue.TryFrom(requirements, out var value, out var error))
            return limited ? error : null;

        if (limited && !_maxPerRequest.ContainsKey(value.Unit) && !_maxPerSession.ContainsKey(value.Unit))
            return $"no spending limit is set for {(value.Unit == SpendUnit.Usd ? "USD" : "bitcoin")} payments";
        if (_maxPerRequest.TryGetValue(value.Unit, out var maxRequest) && value.Amount > maxRequest)
            return $"{value} exceeds the limit per request of {value with { Amount = maxRequest }}";

        lock (_gate)
        {
            var spent = _spent.GetValueOrDefault(value.Unit);
            if (_maxPerSession.TryGetValue(value.Unit, out var maxSession) && spent + value.Amount > maxSession)
                return $"{value} would bring this session to {value with { Amount = spent + value.Amount }}, over its limit of {value with { Amount = maxSession }}";
            if (reserve)
                _spent[value.Unit] = spent + value.Amount;
        }
        return null;
    }

    private static bool Allowed(IList<string> allowList, string value) =>
        allowList.Count == 0 || allowList.Any(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));

    private static Dictionary<SpendUnit, decimal> ParseLimits(IList<string> limits, string name)
    {
        var parsed = new Dictionary<SpendUnit, decimal>();
        foreach (var text in limits)
        {
            if (!Price.TryParse(text, out var price, out var error))
                throw new ArgumentException($"{name}: '{text}' is not a price ({error}).", name);
            var limit = SpendValue.FromLimit(price);
            if (!parsed.TryAdd(limit.Unit, limit.Amount))
                throw new ArgumentException($"{name}: more than one limit in {limit.Unit}.", name);
        }
        return parsed;
    }
}
