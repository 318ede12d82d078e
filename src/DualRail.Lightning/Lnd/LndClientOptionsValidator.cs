using Microsoft.Extensions.Options;

namespace DualRail.Lightning.Lnd;

/// <summary>Checks <see cref="LndClientOptions"/> on start. Messages never quote a secret value.</summary>
public sealed class LndClientOptionsValidator : IValidateOptions<LndClientOptions>
{
    public ValidateOptionsResult Validate(string? name, LndClientOptions options)
    {
        var failures = new List<string>();

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
            failures.Add("Endpoint must be an absolute https:// URL (LND's gRPC always uses TLS).");

        if (!string.IsNullOrEmpty(options.TlsCertPath) && !string.IsNullOrEmpty(options.TlsCertBase64))
            failures.Add("Set TlsCertPath or TlsCertBase64, not both.");
        if (!string.IsNullOrEmpty(options.TlsCertPath) && !File.Exists(options.TlsCertPath))
            failures.Add($"TlsCertPath '{options.TlsCertPath}' does not exist.");

        var hasPath = !string.IsNullOrEmpty(options.MacaroonPath);
        var hasHex = !string.IsNullOrEmpty(options.MacaroonHex);
        if (hasPath == hasHex)
            failures.Add("Set exactly one of MacaroonPath or MacaroonHex.");
        if (hasPath && !File.Exists(options.MacaroonPath))
            failures.Add($"MacaroonPath '{options.MacaroonPath}' does not exist.");
        if (hasHex && !LndMacaroon.IsHex(options.MacaroonHex!))
            failures.Add("MacaroonHex is not an even-length hex string.");

        if (options.CallTimeout <= TimeSpan.Zero)
            failures.Add("CallTimeout must be positive.");
        if (options.ConnectTimeout <= TimeSpan.Zero)
            failures.Add("ConnectTimeout must be positive.");
        if (options.ReconnectInitialDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectInitialDelay)
            failures.Add("ReconnectInitialDelay must be positive and at most ReconnectMaxDelay.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
