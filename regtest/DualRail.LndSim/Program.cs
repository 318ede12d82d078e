using System.Runtime.InteropServices;
using DualRail.LndSim.Hosting;

const string Help = """
    DualRail.LndSim: simulates LND's invoice API (several nodes in one process) for tests and the
    no-Docker sandbox. It is NOT LND: no chain, no channels, no onion routing; payments move between
    the simulated nodes only.

    Usage: DualRail.LndSim --data-dir DIR [--nodes merchant,payer] [--port-base 0] [--control-port 0]
                           [--routing-fee-msat 0] [--local-balance-sat N] [--remote-balance-sat N]

      --data-dir      where each node writes tls.cert, tls.key and data/chain/bitcoin/regtest/*.macaroon
      --nodes         comma-separated node names (default merchant,payer)
      --port-base     node i listens on port-base + i (HTTPS, HTTP/2, 127.0.0.1); 0 picks free ports
      --control-port  loopback HTTP control port; 0 picks a free one
                      POST /restart?downtimeMs=N  drop every stream and refuse connections for N ms
                      POST /down, POST /up, GET /nodes

    When ready it prints one JSON line to stdout:
      {"ready":true,"simulator":"...","control":"http://127.0.0.1:P","nodes":{"merchant":{"endpoint":...,
       "tlsCertPath":...,"macaroonPath":...,"invoiceMacaroonPath":...,"readonlyMacaroonPath":...,"identityPubkey":...}}}
    """;

var options = new LndSimulatorOptions();
var controlPort = 0;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        switch (args[i])
        {
            case "--help" or "-h":
                Console.WriteLine(Help);
                return 0;
            case "--data-dir": options.DataDir = Value(); break;
            case "--nodes": options.Nodes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(); break;
            case "--port-base": options.PortBase = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
            case "--control-port": controlPort = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
            case "--routing-fee-msat": options.RoutingFeeMsat = long.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
            case "--local-balance-sat": options.LocalBalanceSat = long.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
            case "--remote-balance-sat": options.RemoteBalanceSat = long.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
            default: throw new ArgumentException($"Unknown option {args[i]}.");
        }
    }

    await using var simulator = new LndSimulatorHost(options);
    await simulator.StartAsync();
    var (control, controlUrl) = await ControlServer.StartAsync(simulator, controlPort, CancellationToken.None);

    var ready = simulator.Describe();
    ready["ready"] = true;
    ready["control"] = controlUrl;
    Console.WriteLine(ready.ToJsonString());

    var stop = new TaskCompletionSource();
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
    await stop.Task;
    await control.StopAsync();
    await control.DisposeAsync();
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("Run with --help for usage.");
    return 2;
}
