using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DualRail.Client.Payers;
using DualRail.Lightning.Lnd;
using DualRail.Money;
using DualRail.Networks;
using DualRail.Protocol;
using Grpc.Core;
using Lnrpc;
using Microsoft.Extensions.Logging;
using Routerrpc;

namespace DualRail.Client.Lightning;

/// <summary>
/// Pays the BOLT11 invoice of a Lightning offer through the caller's LND (Router.SendPaymentV2 with a
/// fee limit and a timeout) and proves it with <c>{paymentHash, preimage}</c>. Before paying it checks
/// that the invoice's hash and amount are the ones the offer states.
/// </summary>
public sealed class LightningPayer : IPaymentPayer, IDisposable
{
    private readonly Router.RouterClient _router;
    private readonly LightningPayerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly LndClient? _ownedConnection;

    /// <summary>Pays through an LND connection this payer owns and disposes.</summary>
    public LightningPayer(LndClient lnd, LightningPayerOptions options, TimeProvider? timeProvider = null)
        : this(lnd.CallInvoker, options, timeProvider) => _ownedConnection = lnd;

    public LightningPayer(CallInvoker lnd, LightningPayerOptions options, TimeProvider? timeProvider = null)
    {
        _router = new Router.RouterClient(lnd);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Connects to the LND node named in <paramref name="options"/> (the payer owns the connection).</summary>
    public static LightningPayer Connect(LightningPayerOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        var lnd = new LndClient(
            new LndClientOptions { Endpoint = options.Endpoint!, TlsCertPath = options.TlsCertPath, MacaroonPath = options.MacaroonPath },
            loggerFactory?.CreateLogger<LndClient>(),
            timeProvider);
        return new LightningPayer(lnd, options, timeProvider);
    }

    public string Rail => "lightning";

    public bool CanPay(PaymentRequirements requirements) =>
        requirements.Scheme == "exact"
        && NetworkId.TryParse(requirements.Network, out var network)
        && KnownNetworks.FindLightning(network) is not null
        && (string?)requirements.Extra?["paymentMethod"] == "lightning"
        && requirements.Extra?["invoice"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
        && AtomicAmount.TryParse(requirements.Amount, out _);

    public async ValueTask<JsonObject> CreatePayloadAsync(PaymentRequirements requirements, CancellationToken cancellationToken)
    {
        if (!CanPay(requirements))
            throw new PaymentFailedException(Rail, $"Cannot pay {requirements.Scheme} on {requirements.Network} over Lightning.");
        var invoice = LightningInvoiceCheck.Verify(requirements, _timeProvider);

        var request = new SendPaymentRequest
        {
            PaymentRequest = invoice,
            FeeLimitSat = _options.FeeLimitSat,
            TimeoutSeconds = (int)Math.Ceiling(_options.PaymentTimeout.TotalSeconds),
            NoInflightUpdates = true,
        };
        Payment? final = null;
        try
        {
            using var call = _router.SendPaymentV2(request, deadline: _timeProvider.GetUtcNow().UtcDateTime + _options.PaymentTimeout + TimeSpan.FromSeconds(15), cancellationToken: cancellationToken);
            await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                if (update.Status is Payment.Types.PaymentStatus.Succeeded or Payment.Types.PaymentStatus.Failed)
                {
                    final = update;
                    break;
                }
            }
        }
        catch (RpcException e)
        {
            throw new PaymentFailedException(Rail, $"LND refused the payment: {e.Status.StatusCode} {e.Status.Detail}", e);
        }

        if (final is null)
            throw new PaymentFailedException(Rail, "LND ended the payment stream without a result.");
        if (final.Status != Payment.Types.PaymentStatus.Succeeded)
            throw new PaymentFailedException(Rail, $"The Lightning payment failed: {final.FailureReason}.");

        var preimage = Convert.FromHexString(final.PaymentPreimage);
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        if (!string.Equals(hash, final.PaymentHash, StringComparison.OrdinalIgnoreCase))
            throw new PaymentFailedException(Rail, "LND returned a preimage that does not match the payment hash.");

        return new JsonObject
        {
            ["paymentHash"] = hash,
            ["preimage"] = Convert.ToHexStringLower(preimage),
        };
    }

    public void Dispose() => _ownedConnection?.Dispose();
}
