using DualRail.Evm.Rpc;

namespace DualRail.Facilitator.Chains;

/// <summary>
/// The chain's EIP-1559 fees, asked at most once per <see cref="Lifetime"/>: concurrent settlements
/// share one lookup (two RPCs) instead of each making its own. The max fee already leaves room for
/// the base fee to double, far more than it can rise in a few seconds.
/// </summary>
internal sealed class FeeCache(IEvmChainClient client, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private Task<Eip1559Fees>? _current;
    private DateTimeOffset _fetchedAt;

    public async Task<Eip1559Fees> GetAsync(CancellationToken cancellationToken)
    {
        Task<Eip1559Fees> current;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            // A failed lookup is not kept: the next caller asks again.
            if (_current is null || _current.IsFaulted || _current.IsCanceled || now - _fetchedAt >= Lifetime)
            {
                _current = client.GetFeesAsync(CancellationToken.None);
                _fetchedAt = now;
            }

            current = _current;
        }

        return await current.WaitAsync(cancellationToken);
    }
}
