using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Invoicesrpc;
using Lnrpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Routerrpc;
using InvoicesClient = Invoicesrpc.Invoices.InvoicesClient;
using LightningClient = Lnrpc.Lightning.LightningClient;
using RouterClient = Routerrpc.Router.RouterClient;
using StateClient = Lnrpc.State.StateClient;

namespace DualRail.Lightning.Lnd;

/// <summary>
/// A connection to one LND node: the generated Lightning, Invoices, Router and State clients on a
/// TLS channel that pins tls.cert and sends the macaroon (hex) with every call; a deadline on every
/// unary call; readiness through State.GetState; subscriptions that reconnect with backoff.
/// </summary>
public sealed class LndClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly ILogger _logger;
    private readonly bool _pinned;

    public LndClient(LndClientOptions options, ILogger<LndClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new LndClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
            throw new InvalidOperationException($"Invalid LND client options: {validation.FailureMessage}");

        var clock = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<LndClient>.Instance;
        Endpoint = new Uri(options.Endpoint);
        Backoff = new LndReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay, clock);
        var pin = PinnedCertificate.FromOptions(options);
        _pinned = pin is not null;
        _channel = LndChannelFactory.Create(Endpoint, options, pin, LndMacaroon.Load(options));
        CallInvoker = _channel.Intercept(new DefaultDeadlineInterceptor(options.CallTimeout, clock));
        Lightning = new LightningClient(CallInvoker);
        Invoices = new InvoicesClient(CallInvoker);
        Router = new RouterClient(CallInvoker);
        State = new StateClient(CallInvoker);
    }

    public Uri Endpoint { get; }

    /// <summary>The invoker every generated client here uses (macaroon, TLS pin, default deadline).</summary>
    public CallInvoker CallInvoker { get; }

    public LightningClient Lightning { get; }

    public InvoicesClient Invoices { get; }

    public RouterClient Router { get; }

    public StateClient State { get; }

    /// <summary>The backoff used between reconnection attempts, for callers that run their own loops.</summary>
    public LndReconnectBackoff Backoff { get; }

    public async Task<WalletState> GetStateAsync(CancellationToken cancellationToken = default)
    {
        var response = await State.GetStateAsync(new GetStateRequest(), cancellationToken: cancellationToken);
        return response.State;
    }

    /// <summary>
    /// Waits until LND reports SERVER_ACTIVE (wallet unlocked, server started), retrying with
    /// backoff while it is unreachable or still starting. Non-transient errors are thrown; a refused
    /// TLS certificate at once, as <see cref="LndCertificateRejectedException"/>.
    /// </summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            string state;
            try
            {
                var current = await GetStateAsync(cancellationToken);
                if (current == WalletState.ServerActive)
                    return;
                state = current.ToString();
            }
            catch (RpcException ex) when (LndTransientErrors.IsCertificateRejected(ex))
            {
                throw LndCertificateRejectedException.For(Endpoint, _pinned, ex);
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested && LndTransientErrors.IsTransient(ex))
            {
                state = ex.StatusCode.ToString();
            }

            var delay = Backoff.DelayFor(attempt);
            LndClientLog.NotReady(_logger, Endpoint.Authority, state, delay);
            await Backoff.WaitAsync(delay, cancellationToken);
        }
    }

    /// <summary>
    /// SubscribeInvoices that survives LND restarts. LND first replays every invoice with
    /// add_index &gt; <paramref name="addIndex"/> and settle_index &gt; <paramref name="settleIndex"/>
    /// (0 = no backlog), then streams OPEN and SETTLED events. After a drop the stream is reopened
    /// from the highest indexes seen so far, so events are replayed rather than lost; consumers
    /// must be idempotent. With 0/0 and nothing seen yet, events during the outage are not replayed:
    /// catch up with ListInvoices in that case.
    /// </summary>
    public IAsyncEnumerable<Invoice> SubscribeInvoicesAsync(ulong addIndex, ulong settleIndex, CancellationToken cancellationToken = default)
    {
        var position = new InvoiceSubscription { AddIndex = addIndex, SettleIndex = settleIndex };
        var stream = new ReconnectingStream<Invoice>(
            "SubscribeInvoices",
            Endpoint.Authority,
            ct => Lightning.SubscribeInvoices(position.Clone(), cancellationToken: ct),
            WaitUntilReadyAsync,
            Backoff,
            _logger);
        return Track(stream.ReadAllAsync(cancellationToken), position);
    }

    /// <summary>
    /// SubscribeSingleInvoice (current state first, then every transition) that reconnects after a
    /// drop and ends once the invoice is SETTLED or CANCELED, where LND closes the stream.
    /// </summary>
    public IAsyncEnumerable<Invoice> SubscribeSingleInvoiceAsync(ByteString paymentHash, CancellationToken cancellationToken = default)
    {
        var request = new SubscribeSingleInvoiceRequest { RHash = paymentHash };
        var stream = new ReconnectingStream<Invoice>(
            "SubscribeSingleInvoice",
            Endpoint.Authority,
            ct => Invoices.SubscribeSingleInvoice(request, cancellationToken: ct),
            WaitUntilReadyAsync,
            Backoff,
            _logger);
        return UntilTerminal(stream.ReadAllAsync(cancellationToken));
    }

    public void Dispose() => _channel.Dispose();

    private static async IAsyncEnumerable<Invoice> UntilTerminal(IAsyncEnumerable<Invoice> invoices)
    {
        await foreach (var invoice in invoices)
        {
            yield return invoice;
            if (invoice.State is Invoice.Types.InvoiceState.Settled or Invoice.Types.InvoiceState.Canceled)
                yield break;
        }
    }

    private static async IAsyncEnumerable<Invoice> Track(IAsyncEnumerable<Invoice> invoices, InvoiceSubscription position)
    {
        await foreach (var invoice in invoices)
        {
            position.AddIndex = Math.Max(position.AddIndex, invoice.AddIndex);
            position.SettleIndex = Math.Max(position.SettleIndex, invoice.SettleIndex);
            yield return invoice;
        }
    }
}
