using DualRail.Evm.Rpc;
using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Logging;
using DualRail.Facilitator.Options;
using DualRail.Facilitator.Relayer;
using DualRail.Facilitator.Settlement;
using DualRail.Facilitator.Verification;
using DualRail.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Facilitator.Http;

/// <summary>
/// The handlers of POST /verify, POST /settle and GET /supported. Bad bodies get 400 with an x402
/// answer naming the problem; an unreachable chain node gets 503; neither is ever a 500.
/// </summary>
internal static class FacilitatorEndpoints
{
    public static async Task<IResult> VerifyAsync(
        HttpContext context,
        ExactEvmVerifier verifier,
        IOptions<FacilitatorOptions> options,
        ILogger<ExactEvmVerifier> logger)
    {
        var (call, error, status) = await ReadAsync(context, options.Value);
        if (call is null)
        {
            FacilitatorLog.MalformedRequest(logger, "verify", error!);
            return Json(new VerifyResponse { IsValid = false, InvalidReason = ReasonCodes.InvalidPayload, InvalidMessage = error }, status);
        }

        var inspection = verifier.Inspect(call);
        if (inspection.IsMalformed)
            return Json(new VerifyResponse { IsValid = false, InvalidReason = inspection.Reason, InvalidMessage = inspection.Message }, StatusCodes.Status400BadRequest);
        if (inspection.Payment is null)
            return Json(new VerifyResponse { IsValid = false, InvalidReason = inspection.Reason, InvalidMessage = inspection.Message, Payer = inspection.Payer });

        try
        {
            return Json(await verifier.VerifyAsync(inspection.Payment, context.RequestAborted));
        }
        catch (Exception ex) when (IsChainUnavailable(ex, context))
        {
            FacilitatorLog.RpcFailed(logger, ex, inspection.Payment.Chain.Network, "verify");
            return Json(
                new VerifyResponse { IsValid = false, InvalidReason = ReasonCodes.UnexpectedVerifyError, InvalidMessage = "The chain node did not answer.", Payer = inspection.Payer },
                StatusCodes.Status503ServiceUnavailable);
        }
    }

    public static async Task<IResult> SettleAsync(
        HttpContext context,
        ExactEvmVerifier verifier,
        ExactEvmSettler settler,
        IOptions<FacilitatorOptions> options,
        ILogger<ExactEvmSettler> logger)
    {
        var (call, error, status) = await ReadAsync(context, options.Value);
        if (call is null)
        {
            FacilitatorLog.MalformedRequest(logger, "settle", error!);
            return Json(SettleFailure(ReasonCodes.InvalidPayload, error, "", null), status);
        }

        var network = call.Requirements.Network;
        var inspection = verifier.Inspect(call);
        if (inspection.IsMalformed)
            return Json(SettleFailure(inspection.Reason!, inspection.Message, network, null), StatusCodes.Status400BadRequest);
        if (inspection.Payment is null)
            return Json(SettleFailure(inspection.Reason!, inspection.Message, network, inspection.Payer));

        try
        {
            // Not tied to the caller's connection: a broadcast transaction is followed to its receipt.
            return Json(await settler.SettleAsync(inspection.Payment, CancellationToken.None));
        }
        catch (Exception ex) when (IsChainUnavailable(ex, context))
        {
            FacilitatorLog.RpcFailed(logger, ex, network, "settle");
            return Json(SettleFailure(ReasonCodes.UnexpectedSettleError, "The chain node did not answer or refused the transaction.", network, inspection.Payer), StatusCodes.Status503ServiceUnavailable);
        }
    }

    public static IResult Supported(ChainRegistry chains, RelayerAccount relayer)
    {
        var kinds = chains.All
            .SelectMany(chain => new[]
            {
                new SupportedKind { X402Version = 2, Scheme = "exact", Network = chain.Network },
                new SupportedKind { X402Version = 1, Scheme = "exact", Network = X402VersionConverter.ToV1Network(chain.Network) },
            })
            .ToArray();
        return Json(new SupportedResponse
        {
            Kinds = kinds,
            Extensions = [],
            Signers = new Dictionary<string, IReadOnlyList<string>> { ["eip155:*"] = [relayer.Address.ToString()] },
        });
    }

    private static async Task<(FacilitatorCall? Call, string? Error, int Status)> ReadAsync(HttpContext context, FacilitatorOptions options)
    {
        var limit = options.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
            return (null, $"The body exceeds {limit} bytes.", StatusCodes.Status413PayloadTooLarge);

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
                return (null, $"The body exceeds {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            buffer.Write(chunk, 0, read);
        }

        return FacilitatorRequestReader.TryRead(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var call, out var error)
            ? (call, null, StatusCodes.Status200OK)
            : (null, error, StatusCodes.Status400BadRequest);
    }

    private static bool IsChainUnavailable(Exception ex, HttpContext context) =>
        ex is HttpRequestException or JsonRpcTransportException or JsonRpcException or TransactionRejectedException
        || (ex is OperationCanceledException && !context.RequestAborted.IsCancellationRequested);

    private static SettleResponse SettleFailure(string reason, string? message, string network, string? payer) => new()
    {
        Success = false,
        ErrorReason = reason,
        ErrorMessage = message,
        Payer = payer,
        Transaction = "",
        Network = network,
    };

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, X402Json.Options, contentType: "application/json", statusCode: status);
}
