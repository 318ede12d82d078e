namespace DualRail.Facilitator.Settlement;

/// <summary>Durable memory of settled authorizations, so settling one twice sends one transaction.</summary>
public interface ISettlementStore
{
    ValueTask<SettlementRecord?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the record with the same key.</summary>
    ValueTask SaveAsync(SettlementRecord record, CancellationToken cancellationToken);
}
