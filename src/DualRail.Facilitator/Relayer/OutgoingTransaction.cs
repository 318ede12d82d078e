using System.Numerics;
using DualRail.Evm.Transactions;
using DualRail.Facilitator.Settlement;

namespace DualRail.Facilitator.Relayer;

/// <summary>
/// A relayer transaction waiting for its nonce: <see cref="RelayerNonceManager"/> signs it with the
/// nonce it assigns (again with another one if the node refused one ahead of it), stores what
/// <c>remember</c> returns before the broadcast, then sends it.
/// </summary>
internal sealed class OutgoingTransaction(Func<BigInteger, SignedTransaction> sign, Func<SignedTransaction, SettlementRecord> remember)
{
    private readonly TaskCompletionSource<SignedTransaction> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The last signed version (also after a failed broadcast, so the caller can record its hash).</summary>
    public SignedTransaction? Signed { get; private set; }

    /// <summary>The nonce of <see cref="Signed"/>.</summary>
    public BigInteger Nonce { get; private set; }

    /// <summary>Completes with the transaction the node accepted, or faults with why it was not sent.</summary>
    public Task<SignedTransaction> Accepted => _accepted.Task;

    internal SettlementRecord SignWith(BigInteger nonce)
    {
        Nonce = nonce;
        Signed = sign(nonce);
        return remember(Signed);
    }

    internal void Sent() => _accepted.TrySetResult(Signed!);

    internal void Fail(Exception exception) => _accepted.TrySetException(exception);
}
