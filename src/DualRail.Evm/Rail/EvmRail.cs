using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using DualRail.Evm.Facilitators;
using DualRail.Money;
using DualRail.Networks;
using DualRail.Protocol;
using DualRail.Rails;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Evm.Rail;

/// <summary>
/// USDC (or any EIP-3009 token) on one EVM chain, x402 <c>exact</c> scheme: quotes from
/// configuration, matches <c>accepted</c> by deep equality, pre-checks locally, then verifies and
/// settles through the facilitators. The server never holds a key.
/// </summary>
public sealed class EvmRail : IPaymentRail
{
    private readonly EvmRailSettings _settings;
    private readonly ExactEvmPrecheck _precheck;
    private readonly IFacilitatorClient _facilitators;
    private readonly IExchangeRateProvider? _rates;
    private readonly ILogger<EvmRail> _logger;
    private readonly FacilitatorKind _kind;

    public EvmRail(
        IOptions<EvmRailOptions> options,
        NetworkRegistry registry,
        IFacilitatorClient facilitators,
        TimeProvider timeProvider,
        ILogger<EvmRail> logger,
        IExchangeRateProvider? rates = null)
    {
        _settings = EvmRailSettings.Resolve(options.Value, registry);
        _precheck = new ExactEvmPrecheck(_settings, timeProvider);
        _facilitators = facilitators;
        _rates = rates;
        _logger = logger;
        _kind = new FacilitatorKind(2, EvmRailSettings.Scheme, _settings.Network.ToString());
    }

    public string Name => "evm";

    /// <summary>False while no facilitator is known to serve this chain (e.g. all down at start); recovers by itself.</summary>
    public bool IsAvailable => _facilitators.IsAvailable(_kind);

    public bool CanHandle(PaymentPayload payload) =>
        string.Equals(payload.EffectiveScheme, EvmRailSettings.Scheme, StringComparison.Ordinal)
        && string.Equals(payload.EffectiveNetwork, _kind.Network, StringComparison.Ordinal);

    public async ValueTask<IReadOnlyList<PaymentRequirements>> QuoteAsync(PaymentContext context, CancellationToken cancellationToken)
    {
        var amount = await PriceAsync(context.Price, cancellationToken);
        if (amount is null)
            return [];

        return [new PaymentRequirements
        {
            Scheme = EvmRailSettings.Scheme,
            Network = _kind.Network,
            Amount = amount.Value.ToString(CultureInfo.InvariantCulture),
            Asset = _settings.Asset.ToString(),
            PayTo = _settings.PayTo.ToString(),
            MaxTimeoutSeconds = _settings.MaxTimeoutSeconds ?? context.MaxTimeoutSeconds,
            Extra = new JsonObject { ["name"] = _settings.TokenName, ["version"] = _settings.TokenVersion },
        }];
    }

    public async ValueTask<PaymentRequirements?> MatchAsync(PaymentPayload payload, PaymentContext context, CancellationToken cancellationToken)
    {
        if (!CanHandle(payload))
            return null;
        var quotes = await QuoteAsync(context, cancellationToken);
        return payload.X402Version == 1
            ? (quotes.Count > 0 ? quotes[0] : null) // v1 names only scheme and network; the amount is checked against the authorization
            : quotes.FirstOrDefault(q => PaymentRequirementsComparer.DeepEquals(q, payload.Accepted));
    }

    public async ValueTask<PaymentVerification> VerifyAsync(PaymentPayload payload, PaymentRequirements requirements, PaymentContext context, CancellationToken cancellationToken)
    {
        var check = _precheck.Check(payload, requirements);
        var payer = check.Payment?.Authorization.From.ToString();
        if (!check.Passed)
        {
            EvmRailLog.PrecheckRefused(_logger, check.Reason!, check.Message!);
            return PaymentVerification.Invalid(check.Reason!, check.Message, payer);
        }

        var result = await _facilitators.VerifyAsync(ToFacilitatorRequest(payload, requirements), cancellationToken);
        if (result.Response is not { } answer)
        {
            EvmRailLog.VerifyUnavailable(_logger, payer!, result.Failure ?? "");
            return PaymentVerification.Invalid(ReasonCodes.UnexpectedVerifyError, "No facilitator could verify the payment right now; nothing was served. Try again shortly.", payer);
        }

        if (!answer.IsValid)
        {
            EvmRailLog.FacilitatorRefused(_logger, payer!, answer.InvalidReason!);
            return PaymentVerification.Invalid(answer.InvalidReason!, answer.InvalidMessage, payer);
        }

        var from = check.Payment!.Authorization.From;
        if (answer.Payer is not null && (!EvmAddress.TryParse(answer.Payer, out var reported) || reported != from))
        {
            EvmRailLog.PayerMismatch(_logger, answer.Payer, payer!);
            return PaymentVerification.Invalid(ReasonCodes.UnexpectedVerifyError, "The facilitator's answer does not match the authorization.", payer);
        }

        return PaymentVerification.Valid(_settings.SingleUseKey(from, check.Payment.Authorization.Nonce), _kind.Network, payer);
    }

    public async ValueTask<PaymentSettlement> SettleAsync(PaymentPayload payload, PaymentRequirements requirements, CancellationToken cancellationToken)
    {
        var payer = ExactEvmPayload.TryParse(payload.Payload, out var parsed, out _) ? parsed.Authorization.From.ToString() : null;
        var result = await _facilitators.SettleAsync(ToFacilitatorRequest(payload, requirements), cancellationToken);
        PaymentSettlement settlement;
        if (result.Response is not { } answer)
            settlement = PaymentSettlement.Failed(_kind.Network, ReasonCodes.UnexpectedSettleError, result.Failure, transient: true, payer);
        else if (answer.Success)
            settlement = PaymentSettlement.Succeeded(answer.Network, answer.Transaction, answer.Payer ?? payer);
        else
            settlement = PaymentSettlement.Failed(_kind.Network, answer.ErrorReason!, answer.ErrorMessage, transient: false, answer.Payer ?? payer);

        if (settlement.Success)
            EvmRailLog.Settled(_logger, settlement.Payer ?? "", settlement.Transaction!, settlement.Network);
        else
            EvmRailLog.SettleFailed(_logger, payer ?? "", settlement.ErrorReason!, settlement.IsTransient);
        return settlement;
    }

    /// <summary>The price in the token's atomic units, rounded up; a bitcoin price needs an exchange rate.</summary>
    private async ValueTask<BigInteger?> PriceAsync(Price price, CancellationToken cancellationToken)
    {
        if (price.IsUsd)
            return price.ToUsdAtomic(_settings.Decimals);
        if (_rates is null)
        {
            EvmRailLog.CannotPrice(_logger, price.ToString(), _kind.Network, "no exchange rate provider");
            return null;
        }

        try
        {
            var usdPerBtc = await _rates.GetUsdPerBtcAsync(cancellationToken);
            return price.ToUsdAtomic(_settings.Decimals, usdPerBtc);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            EvmRailLog.CannotPrice(_logger, price.ToString(), _kind.Network, ex.Message);
            return null;
        }
    }

    /// <summary>Facilitators get v2: a v1 payload is re-wrapped with the matched requirement (the signed authorization is the same).</summary>
    private static FacilitatorRequest ToFacilitatorRequest(PaymentPayload payload, PaymentRequirements requirements)
    {
        var v2 = payload.X402Version == 2 ? payload : new PaymentPayload
        {
            X402Version = 2,
            Accepted = requirements,
            Payload = payload.Payload,
            Extensions = payload.Extensions,
        };
        return new FacilitatorRequest { X402Version = 2, PaymentPayload = v2, PaymentRequirements = requirements };
    }
}
