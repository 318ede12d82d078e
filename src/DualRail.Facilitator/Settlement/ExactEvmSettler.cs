using System.Numerics;
using DualRail.Evm.Rpc;
using DualRail.Evm.Transactions;
using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Logging;
using DualRail.Facilitator.Options;
using DualRail.Facilitator.Relayer;
using DualRail.Facilitator.Verification;
using DualRail.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Facilitator.Settlement;

/// <summary>
/// Settles a verified EIP-3009 authorization with transferWithAuthorization from the relayer.
/// Idempotent: the store remembers each authorization (chain + token + from + nonce, and its digest)
/// from before the broadcast on, so the same authorization settled twice returns the first
/// transaction and sends no second one, even across restarts.
/// </summary>
internal sealed class ExactEvmSettler(
    ExactEvmVerifier verifier,
    ISettlementStore store,
    RelayerAccount relayer,
    TimeProvider time,
    IOptions<FacilitatorOptions> options,
    ILogger<ExactEvmSettler> logger)
{
    private readonly KeyedLock _locks = new();

    public async Task<SettleResponse> SettleAsync(InspectedPayment payment, CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(payment.Key, cancellationToken);

        var record = await store.FindAsync(payment.Key, cancellationToken);
        if (record is not null && record.AuthorizationHash != payment.DigestHex)
            return Failure(payment, ReasonCodes.InvalidExactEvmNonceAlreadyUsed, "This nonce was settled for a different authorization.");
        if (record is { Status: SettlementStatus.Confirmed })
        {
            FacilitatorLog.SettlementReplayed(logger, payment.Key, record.Transaction, record.Status.ToString());
            return Success(payment, record.Transaction);
        }

        if (record is { Status: SettlementStatus.Submitted })
        {
            if (await payment.Chain.Client.IsKnownTransactionAsync(record.Transaction, cancellationToken))
            {
                FacilitatorLog.SettlementReplayed(logger, payment.Key, record.Transaction, record.Status.ToString());
                return await AwaitReceiptAsync(payment, record.Transaction, cancellationToken);
            }

            // Dropped from the node's pool, or never sent (a crash between recording and sending):
            // it never ran, so the authorization is settled afresh (the token refuses a second use anyway).
            FacilitatorLog.SettlementDropped(logger, record.Transaction, payment.Chain.Network);
            payment.Chain.Nonces.Resync();
        }

        // Verified again (the chain moved since /verify), with eth_estimateGas as the simulation: one run for both.
        var (verification, estimate) = await verifier.VerifyForSettlementAsync(payment, cancellationToken);
        if (!verification.IsValid)
            return Failure(payment, verification.InvalidReason!, verification.InvalidMessage);

        var chain = payment.Chain;
        var callData = Eip3009Codec.TransferWithAuthorizationCall(payment.Authorization, payment.SettlementSignature);
        var gasLimit = estimate!.Value * (100 + chain.GasBufferPercent) / 100;
        var fees = await chain.Fees.GetAsync(cancellationToken);
        var outgoing = new OutgoingTransaction(
            nonce => relayer.SignTransaction(chain.ChainId, nonce, fees, gasLimit, payment.Asset, callData),
            signed => Record(payment, signed.HashHex, SettlementStatus.Submitted, null));
        SignedTransaction sent;
        try
        {
            sent = await chain.Nonces.SendAsync(outgoing);
        }
        catch (Exception ex)
        {
            var message = ex is TransactionRejectedException rejected ? rejected.NodeMessage : "broadcast failed";
            await store.SaveAsync(Record(payment, outgoing.Signed?.HashHex ?? "", SettlementStatus.Failed, message), CancellationToken.None);
            throw;
        }

        FacilitatorLog.SettlementSent(logger, payment.Key, chain.Network, sent.HashHex, (long)outgoing.Nonce);
        return await AwaitReceiptAsync(payment, sent.HashHex, cancellationToken);
    }

    private async Task<SettleResponse> AwaitReceiptAsync(InspectedPayment payment, string transaction, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var receipt = await payment.Chain.Receipts.WaitAsync(transaction, settings.ReceiptTimeout, cancellationToken);
        if (receipt is null)
        {
            FacilitatorLog.ReceiptTimeout(logger, transaction, payment.Chain.Network, settings.ReceiptTimeout);
            return new SettleResponse
            {
                Success = false,
                ErrorReason = ReasonCodes.SettlementPending,
                ErrorMessage = "The transaction is not mined yet; settle again later to learn its outcome.",
                Payer = payment.Payer,
                Transaction = transaction,
                Network = payment.Chain.Network,
            };
        }

        if (receipt.Succeeded)
        {
            await SaveAsync(payment, transaction, SettlementStatus.Confirmed, null, cancellationToken);
            FacilitatorLog.SettlementConfirmed(logger, transaction, payment.Chain.Network, receipt.BlockNumber);
            return Success(payment, transaction);
        }

        var reason = await ReasonForRevertAsync(payment, cancellationToken);
        await SaveAsync(payment, transaction, SettlementStatus.Failed, reason, cancellationToken);
        FacilitatorLog.SettlementReverted(logger, transaction, payment.Chain.Network, reason);
        return Failure(payment, reason, $"Transaction {transaction} reverted.");
    }

    /// <summary>A mined revert carries no reason: replay the call now, then fall back to the diagnostics.</summary>
    private static async Task<string> ReasonForRevertAsync(InspectedPayment payment, CancellationToken cancellationToken)
    {
        try
        {
            await payment.Chain.Client.CallAsync(
                payment.Asset, Eip3009Codec.TransferWithAuthorizationCall(payment.Authorization, payment.SettlementSignature), null, cancellationToken);
        }
        catch (ContractRevertedException ex) when (RevertReasons.ToReasonCode(ex.Reason) is { } mapped)
        {
            return mapped;
        }
        catch (ContractRevertedException)
        {
        }

        return await ExactEvmVerifier.DiagnoseAsync(payment, cancellationToken) ?? ReasonCodes.InvalidExactEvmTransactionFailed;
    }

    private ValueTask SaveAsync(InspectedPayment payment, string transaction, SettlementStatus status, string? error, CancellationToken cancellationToken) =>
        store.SaveAsync(Record(payment, transaction, status, error), cancellationToken);

    private SettlementRecord Record(InspectedPayment payment, string transaction, SettlementStatus status, string? error) => new()
    {
        Key = payment.Key,
        AuthorizationHash = payment.DigestHex,
        Network = payment.Chain.Network,
        Payer = payment.Payer,
        Transaction = transaction,
        Status = status,
        ErrorReason = error,
        UpdatedAt = time.GetUtcNow(),
    };

    private static SettleResponse Success(InspectedPayment payment, string transaction) => new()
    {
        Success = true,
        Payer = payment.Payer,
        Transaction = transaction,
        Network = payment.Chain.Network,
        Amount = payment.Authorization.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static SettleResponse Failure(InspectedPayment payment, string reason, string? message) => new()
    {
        Success = false,
        ErrorReason = reason,
        ErrorMessage = message,
        Payer = payment.Payer,
        Transaction = "",
        Network = payment.Chain.Network,
    };
}
