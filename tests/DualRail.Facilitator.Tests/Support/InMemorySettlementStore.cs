using System.Collections.Concurrent;
using DualRail.Facilitator.Settlement;

namespace DualRail.Facilitator.Tests.Support;

/// <summary>An <see cref="ISettlementStore"/> in a dictionary that counts its writes.</summary>
internal sealed class InMemorySettlementStore : ISettlementStore
{
    private int _writes;

    public ConcurrentDictionary<string, SettlementRecord> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>Write calls (a SaveManyAsync of any size counts once).</summary>
    public int Writes => Volatile.Read(ref _writes);

    public ValueTask<SettlementRecord?> FindAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Records.TryGetValue(key, out var record) ? record : null);

    public ValueTask SaveAsync(SettlementRecord record, CancellationToken cancellationToken) => SaveManyAsync([record], cancellationToken);

    public ValueTask SaveManyAsync(IReadOnlyList<SettlementRecord> records, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        foreach (var record in records)
            Records[record.Key] = record;
        return ValueTask.CompletedTask;
    }
}
