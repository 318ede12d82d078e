using DualRail.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace DualRail.AspNetCore.Configuration;

/// <summary>Stops start-up with a clear message when the DualRail section is wrong: a payment server never fails open.</summary>
internal sealed class DualRailOptionsValidator : IValidateOptions<DualRailOptions>
{
    public ValidateOptionsResult Validate(string? name, DualRailOptions options)
    {
        PricedRouteTable.Build(options, out var failures);
        if (options.MaxTimeoutSeconds <= 0)
            failures.Add("DualRail:MaxTimeoutSeconds must be positive.");
        if (options.MaxBufferedResponseBytes <= 0)
            failures.Add("DualRail:MaxBufferedResponseBytes must be positive.");
        if (!IsPath(options.ReceiptsPath))
            failures.Add($"DualRail:ReceiptsPath '{options.ReceiptsPath}' must start with '/'.");
        if (!IsPath(options.HealthPath))
            failures.Add($"DualRail:HealthPath '{options.HealthPath}' must start with '/'.");
        if (options.PublicBaseUrl is { } baseUrl
            && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            failures.Add($"DualRail:PublicBaseUrl '{baseUrl}' must be an absolute http(s) URL.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPath(string? path) => path is { Length: > 1 } && path[0] == '/' && !path.EndsWith('/');
}
