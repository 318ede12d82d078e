using System.Text.Json.Nodes;
using DualRail.Networks;

namespace DualRail.Protocol;

/// <summary>Every conversion between the v1 and v2 wire shapes, in one place.</summary>
public static class X402VersionConverter
{
    /// <summary>A v2 requirement as a v1 <c>accepts</c> entry (resource fields copied in, v1 network name).</summary>
    public static PaymentRequirementsV1 ToV1(PaymentRequirements requirements, ResourceInfo resource) => new()
    {
        Scheme = requirements.Scheme,
        Network = ToV1Network(requirements.Network),
        MaxAmountRequired = requirements.Amount,
        Asset = requirements.Asset,
        PayTo = requirements.PayTo,
        Resource = resource.Url,
        Description = resource.Description ?? "",
        MimeType = resource.MimeType ?? "",
        MaxTimeoutSeconds = requirements.MaxTimeoutSeconds,
        Extra = (JsonObject?)requirements.Extra?.DeepClone(),
    };

    /// <summary>A v2 402 as the v1 JSON body.</summary>
    public static PaymentRequiredV1 ToV1(PaymentRequired paymentRequired) => new()
    {
        Error = paymentRequired.Error ?? "",
        Accepts = paymentRequired.Accepts.Select(a => ToV1(a, paymentRequired.Resource)).ToArray(),
    };

    /// <summary>A v1 <c>accepts</c> entry as a v2 requirement (CAIP-2 network).</summary>
    public static PaymentRequirements FromV1(PaymentRequirementsV1 requirements) => new()
    {
        Scheme = requirements.Scheme,
        Network = FromV1Network(requirements.Network),
        Amount = requirements.MaxAmountRequired,
        Asset = requirements.Asset,
        PayTo = requirements.PayTo,
        MaxTimeoutSeconds = requirements.MaxTimeoutSeconds,
        Extra = (JsonObject?)requirements.Extra?.DeepClone(),
    };

    /// <summary>A v1 402 body as v2 terms (the resource is taken from the first entry).</summary>
    public static PaymentRequired FromV1(PaymentRequiredV1 paymentRequired)
    {
        var first = paymentRequired.Accepts.Count > 0 ? paymentRequired.Accepts[0] : null;
        return new PaymentRequired
        {
            Error = string.IsNullOrEmpty(paymentRequired.Error) ? null : paymentRequired.Error,
            Resource = new ResourceInfo
            {
                Url = first?.Resource ?? "",
                Description = string.IsNullOrEmpty(first?.Description) ? null : first.Description,
                MimeType = string.IsNullOrEmpty(first?.MimeType) ? null : first.MimeType,
            },
            Accepts = paymentRequired.Accepts.Select(FromV1).ToArray(),
        };
    }

    /// <summary>A settlement result for a v1 payer: v1 network name, DualRail members kept.</summary>
    public static SettleResponse ToV1(SettleResponse response) => response with { Network = ToV1Network(response.Network) };

    /// <summary>The v1 name of a CAIP-2 network, or the CAIP-2 id itself when v1 never named it.</summary>
    public static string ToV1Network(string caip2) =>
        NetworkId.TryParse(caip2, out var id) ? KnownNetworks.ToV1Name(id) ?? caip2 : caip2;

    /// <summary>The CAIP-2 id of a v1 network name; a CAIP-2 id is returned unchanged.</summary>
    public static string FromV1Network(string v1Name) => KnownNetworks.FromV1Name(v1Name)?.ToString() ?? v1Name;

    /// <summary>
    /// v1 matching: a v1 payload names only scheme and network, so it pays the first requirement
    /// with the same scheme and (resolved) network.
    /// </summary>
    public static bool MatchesV1(PaymentPayload payload, PaymentRequirements requirements) =>
        payload.X402Version == 1
        && string.Equals(payload.Scheme, requirements.Scheme, StringComparison.Ordinal)
        && string.Equals(payload.EffectiveNetwork, requirements.Network, StringComparison.Ordinal);
}
