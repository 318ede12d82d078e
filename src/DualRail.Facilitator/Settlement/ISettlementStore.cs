namespace DualRail.Facilitator.Settlement;

/// <summary>Durable memory of settled authorizations, so settling one twice sends one transaction.</summary>
public interface ISettlementStore
{
    ValueTask<SettlementRecord?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the record with the same key.</summary>
    ValueTask SaveAsync(SettlementRecord record, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces several records; a store that can should do it in one write.</summary>
    async ValueTask SaveManyAsync(IReadOnlyList<SettlementRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
            await SaveAsync(record, cancellationToken);
    }
}
