using Microsoft.Extensions.Options;

namespace DualRail.Evm.Facilitators;

/// <summary>Validates <see cref="FacilitatorClientOptions"/> on start (never echoes header values).</summary>
internal sealed class FacilitatorClientOptionsValidator : IValidateOptions<FacilitatorClientOptions>
{
    public ValidateOptionsResult Validate(string? name, FacilitatorClientOptions options)
    {
        var errors = new List<string>();
        if (options.Facilitators.Count == 0)
            errors.Add("DualRail:Evm:Facilitators needs at least one facilitator { Url }.");

        for (var i = 0; i < options.Facilitators.Count; i++)
        {
            var facilitator = options.Facilitators[i];
            var at = $"DualRail:Evm:Facilitators:{i}";
            if (!Uri.TryCreate(facilitator.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
                errors.Add($"{at}:Url must be an absolute http(s) URL without query or fragment.");
            if (facilitator.TimeoutSeconds is < 1 or > 600)
                errors.Add($"{at}:TimeoutSeconds must be between 1 and 600.");
            if (facilitator.SettleTimeoutSeconds is < 1 or > 600)
                errors.Add($"{at}:SettleTimeoutSeconds must be between 1 and 600.");
            foreach (var header in facilitator.Headers.Keys)
            {
                if (string.IsNullOrWhiteSpace(header) || header.Any(c => c <= ' ' || c >= 127 || c == ':'))
                    errors.Add($"{at}:Headers has an invalid header name.");
            }
        }

        if (options.SupportedCacheSeconds < 1)
            errors.Add("DualRail:Evm:SupportedCacheSeconds must be at least 1.");
        if (options.SupportedRetryMinSeconds <= 0 || options.SupportedRetryMaxSeconds < options.SupportedRetryMinSeconds)
            errors.Add("DualRail:Evm:SupportedRetryMinSeconds must be positive and at most SupportedRetryMaxSeconds.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
