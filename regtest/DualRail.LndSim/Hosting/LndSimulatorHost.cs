using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using DualRail.LndSim.Nodes;
using DualRail.LndSim.Payments;

namespace DualRail.LndSim.Hosting;

/// <summary>
/// Runs the LND simulator in-process: several simulated nodes, each on its own HTTPS port. It
/// simulates LND's invoice API for tests and the sandbox; it is not LND. <see cref="TakeDownAsync"/>
/// and <see cref="BringUpAsync"/> act out an LND restart: every stream drops, connections are
/// refused, then the nodes come back with their state.
/// </summary>
public sealed class LndSimulatorHost : IAsyncDisposable
{
    public const string Disclaimer = "DualRail.LndSim simulates LND's invoice API for tests; it is not LND.";

    private readonly LndSimulatorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SimulatedNetwork? _network;
    private PaymentProcessor? _payments;
    private WebApplication? _app;

    public LndSimulatorHost(LndSimulatorOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory;
    }

    public SimulatedNetwork Network => _network ?? throw new InvalidOperationException("The simulator has not been started.");

    public bool IsUp => _app is not null;

    public SimulatedNode Node(string name) => Network.Node(name);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_network is not null)
            throw new InvalidOperationException("The simulator has already been started.");
        for (var attempt = 1; ; attempt++)
        {
            _network = CreateNetwork();
            _payments = new PaymentProcessor(_network);
            try
            {
                await BringUpAsync(cancellationToken);
                return;
            }
            catch (IOException) when (_options.PortBase == 0 && attempt < 3)
            {
                // Another process took a free port between choosing it and binding it: choose again.
                _network.Dispose();
                _network = null;
            }
        }
    }

    /// <summary>Drops every open stream and stops listening: clients now get connection refused.</summary>
    public async Task TakeDownAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_app is null)
                return;
            Network.DropStreams();
            using var timeout = new CancellationTokenSource(_options.ShutdownTimeout);
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
            _app = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Listens again on the same ports, with the same certificates, macaroons and state.</summary>
    public async Task BringUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_app is not null)
                return;
            var app = GrpcServerApp.Build(Network, _payments!, _loggerFactory);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }

            _app = app;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An LND restart: down for <paramref name="downtime"/>, then back.</summary>
    public async Task RestartAsync(TimeSpan downtime, CancellationToken cancellationToken = default)
    {
        await TakeDownAsync();
        await Task.Delay(downtime, _timeProvider, cancellationToken);
        await BringUpAsync(cancellationToken);
    }

    /// <summary>The machine-readable description of every node: endpoint, cert, macaroons, identity.</summary>
    public JsonObject Describe()
    {
        var nodes = new JsonObject();
        foreach (var node in Network.Nodes)
        {
            nodes[node.Name] = new JsonObject
            {
                ["endpoint"] = node.Endpoint,
                ["tlsCertPath"] = node.Files.TlsCertPath,
                ["macaroonPath"] = node.Files.AdminMacaroonPath,
                ["invoiceMacaroonPath"] = node.Files.InvoiceMacaroonPath,
                ["readonlyMacaroonPath"] = node.Files.ReadOnlyMacaroonPath,
                ["identityPubkey"] = node.Identity.PublicKeyHex,
            };
        }

        return new JsonObject { ["simulator"] = Disclaimer, ["network"] = "regtest", ["nodes"] = nodes };
    }

    public async ValueTask DisposeAsync()
    {
        await TakeDownAsync();
        _network?.Dispose();
        _gate.Dispose();
    }

    private SimulatedNetwork CreateNetwork()
    {
        var nodes = new List<SimulatedNode>();
        var ports = _options.PortBase == 0 ? FreePorts(_options.Nodes.Count) : Enumerable.Range(_options.PortBase, _options.Nodes.Count).ToList();
        for (var i = 0; i < _options.Nodes.Count; i++)
        {
            var name = _options.Nodes[i];
            var balances = new NodeBalances(_options.LocalBalanceSat * 1000, _options.RemoteBalanceSat * 1000, _options.WalletBalanceSat);
            var node = new SimulatedNode(name, ports[i], NodeFiles.For(_options.DataDir, name), balances, _timeProvider);
            node.WriteFiles();
            nodes.Add(node);
        }

        return new SimulatedNetwork(nodes, _options, _timeProvider);
    }

    private static List<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
