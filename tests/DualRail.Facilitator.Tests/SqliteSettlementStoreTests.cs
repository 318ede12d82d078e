using DualRail.Facilitator.Options;
using DualRail.Facilitator.Settlement;
using Microsoft.Data.Sqlite;

namespace DualRail.Facilitator.Tests;

/// <summary>The store's group commit: concurrent saves all land, in order per key, and survive a restart.</summary>
public sealed class SqliteSettlementStoreTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dualrail-facilitator-store-");

    private string Path => System.IO.Path.Combine(_directory.FullName, "store.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Concurrent_saves_are_all_durable_after_a_restart()
    {
        await using (var store = Open())
        {
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i => store.SaveAsync(Record($"k{i}", $"0x{i:x}", SettlementStatus.Submitted), CancellationToken.None).AsTask()));
            await Task.WhenAll(Enumerable.Range(0, 200).Where(i => i % 2 == 0).Select(i => store.SaveAsync(Record($"k{i}", $"0x{i:x}", SettlementStatus.Confirmed), CancellationToken.None).AsTask()));
        }

        await using var reopened = Open();
        for (var i = 0; i < 200; i++)
        {
            var record = await reopened.FindAsync($"k{i}", CancellationToken.None);
            Assert.NotNull(record);
            Assert.Equal($"0x{i:x}", record.Transaction);
            Assert.Equal(i % 2 == 0 ? SettlementStatus.Confirmed : SettlementStatus.Submitted, record.Status);
        }
    }

    [Fact]
    public async Task A_batch_saved_together_is_found_record_by_record()
    {
        await using var store = Open();
        var records = Enumerable.Range(0, 5).Select(i => Record($"b{i}", $"0xb{i}", SettlementStatus.Submitted)).ToList();

        await store.SaveManyAsync(records, CancellationToken.None);

        foreach (var record in records)
            Assert.Equal(record, await store.FindAsync(record.Key, CancellationToken.None));
        Assert.Null(await store.FindAsync("missing", CancellationToken.None));
    }

    private SqliteSettlementStore Open() => new(Microsoft.Extensions.Options.Options.Create(new FacilitatorOptions { StorePath = Path }));

    private static SettlementRecord Record(string key, string transaction, SettlementStatus status) => new()
    {
        Key = key,
        AuthorizationHash = "0xdigest-" + key,
        Network = "eip155:84532",
        Payer = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        Transaction = transaction,
        Status = status,
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000),
    };
}
