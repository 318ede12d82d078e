using System.CommandLine;
using DualRail.Cli.Paying;
using DualRail.Cli.Sandbox;

namespace DualRail.Cli.Commands;

/// <summary><c>dualrail pay &lt;url&gt;</c>: one request, paid if the server asks, printed with its receipt.</summary>
internal static class PayCommand
{
    public const string EvmKeyVariable = "DUALRAIL_EVM_PRIVATE_KEY";

    public static Command Create()
    {
        var url = new Argument<string>("url") { Description = "The URL to request (with --sandbox, a path such as /api/demo also works)." };
        var method = new Option<string>("--method", "-X") { Description = "HTTP method.", DefaultValueFactory = _ => "GET" };
        var data = new Option<string?>("--data", "-d") { Description = "Request body (sent as application/json unless -H sets Content-Type)." };
        var headers = new Option<string[]>("--header", "-H") { Description = "Extra header 'Name: value' (repeatable)." };
        var rail = new Option<string?>("--rail") { Description = "Pay only on this rail: evm or lightning." };
        rail.AcceptOnlyFromAmong("evm", "lightning");
        var max = new Option<string[]>("--max") { Description = "Most to pay for this request, e.g. '$0.05' or '2000 sat' (repeatable, one per unit)." };
        var evmKeyFile = new Option<string?>("--evm-key-file") { Description = $"File holding the EVM payer's private key (hex). Or set {EvmKeyVariable}." };
        var lndEndpoint = new Option<string?>("--lnd-endpoint") { Description = "Your LND's gRPC endpoint, e.g. https://127.0.0.1:10009." };
        var lndCert = new Option<string?>("--lnd-tls-cert") { Description = "Your LND's tls.cert." };
        var lndMacaroon = new Option<string?>("--lnd-macaroon") { Description = "A macaroon with offchain:write (admin.macaroon)." };
        var feeLimit = new Option<long>("--fee-limit-sat") { Description = "Most routing fee for a Lightning payment.", DefaultValueFactory = _ => 100 };
        var sandbox = new Option<bool>("--sandbox") { Description = "Pay with the payer of a running `dualrail sandbox`." };
        var state = new Option<string?>("--state") { Description = "The sandbox state file (default .sandbox/state.json)." };

        var command = new Command("pay", "Request a URL, pay the 402 once (within --max), print the response and the receipt.")
        {
            url, method, data, headers, rail, max, evmKeyFile, lndEndpoint, lndCert, lndMacaroon, feeLimit, sandbox, state,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var request = new PayRequest
            {
                Url = new Uri("http://placeholder"),
                Method = result.GetValue(method)!,
                Body = result.GetValue(data),
                Headers = result.GetValue(headers) ?? [],
                Rail = result.GetValue(rail),
                MaxPerRequest = result.GetValue(max) ?? [],
                EvmPrivateKey = Environment.GetEnvironmentVariable(EvmKeyVariable) is { Length: > 0 } key ? key : null,
                EvmPrivateKeyPath = result.GetValue(evmKeyFile),
                LndEndpoint = result.GetValue(lndEndpoint),
                LndTlsCertPath = result.GetValue(lndCert),
                LndMacaroonPath = result.GetValue(lndMacaroon),
                FeeLimitSat = result.GetValue(feeLimit),
            };
            var target = result.GetValue(url)!;
            if (result.GetValue(sandbox))
            {
                SandboxState sandboxState;
                try
                {
                    sandboxState = SandboxState.Load(result.GetValue(state) ?? SandboxState.DefaultPath);
                }
                catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
                {
                    await error.WriteLineAsync($"error: {e.Message}");
                    return ExitCodes.Error;
                }
                request = WithSandboxPayer(request, sandboxState);
                if (target.StartsWith('/'))
                    target = sandboxState.ServerUrl.TrimEnd('/') + target;
            }
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                await error.WriteLineAsync($"error: '{target}' is not an http(s) URL.");
                return ExitCodes.Error;
            }
            return await new PayRunner(output, error).RunAsync(request with { Url = uri }, cancellationToken);
        });
        return command;
    }

    private static PayRequest WithSandboxPayer(PayRequest request, SandboxState state) => request with
    {
        EvmPrivateKey = state.Evm.PayerPrivateKey,
        EvmPrivateKeyPath = null,
        LndEndpoint = state.Lightning.Payer.Endpoint,
        LndTlsCertPath = state.Lightning.Payer.TlsCertPath,
        LndMacaroonPath = state.Lightning.Payer.MacaroonPath,
    };
}
