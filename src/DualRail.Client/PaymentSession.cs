using DualRail.Client.Http;
using DualRail.Client.Payers;
using DualRail.Client.Policy;
using DualRail.Protocol;

namespace DualRail.Client;

/// <summary>
/// The state one client keeps across requests: its payers, its rail preference and its spend policy
/// (whose session total lives as long as this object).
/// </summary>
public sealed class PaymentSession
{
    private readonly IReadOnlyList<IPaymentPayer> _payers;
    private readonly string[] _preferredRails;
    private readonly string[] _allowedRails;

    public PaymentSession(IEnumerable<IPaymentPayer> payers, SpendPolicy policy, IEnumerable<string>? preferredRails = null, IEnumerable<string>? allowedRails = null)
    {
        _payers = payers.ToArray();
        Policy = policy;
        _preferredRails = preferredRails?.ToArray() ?? [];
        _allowedRails = allowedRails?.ToArray() ?? [];
    }

    public SpendPolicy Policy { get; }

    public IReadOnlyList<IPaymentPayer> Payers => _payers;

    /// <summary>
    /// Picks the offer to pay and reserves its amount in the policy, or throws
    /// <see cref="PaymentRefusedException"/> with the reason for every offer.
    /// </summary>
    internal (IPaymentPayer Payer, int Index) Choose(PaymentTerms terms)
    {
        var reasons = new List<string>();
        var candidates = new List<(IPaymentPayer Payer, int Index, int Rank)>();
        for (var i = 0; i < terms.Required.Accepts.Count; i++)
        {
            var offer = terms.Required.Accepts[i];
            var payer = _payers.FirstOrDefault(p => IsAllowed(p.Rail) && p.CanPay(offer));
            if (payer is null)
            {
                reasons.Add($"{Describe(offer)}: no configured payer can pay it");
                continue;
            }
            candidates.Add((payer, i, Rank(payer.Rail)));
        }

        foreach (var (payer, index, _) in candidates.OrderBy(c => c.Rank).ThenBy(c => c.Index))
        {
            var offer = terms.Required.Accepts[index];
            if (Policy.TryReserve(offer, out var refusal))
                return (payer, index);
            reasons.Add($"{Describe(offer)}: refused by the spend policy, {refusal}");
        }
        throw new PaymentRefusedException("No payment was made", reasons);
    }

    private bool IsAllowed(string rail) =>
        _allowedRails.Length == 0 || _allowedRails.Contains(rail, StringComparer.OrdinalIgnoreCase);

    private int Rank(string rail)
    {
        for (var i = 0; i < _preferredRails.Length; i++)
        {
            if (string.Equals(_preferredRails[i], rail, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return _preferredRails.Length;
    }

    private static string Describe(PaymentRequirements offer) => $"{offer.Scheme} {offer.Amount} {offer.Asset} on {offer.Network}";
}
