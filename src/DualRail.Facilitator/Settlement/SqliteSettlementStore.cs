using DualRail.Facilitator.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DualRail.Facilitator.Settlement;

/// <summary>
/// <see cref="ISettlementStore"/> on one SQLite connection (file, or ":memory:" for the process
/// lifetime), in WAL mode with full flushes. Writes are group-committed: concurrent settlements share
/// one transaction and one flush instead of queueing for one each.
/// </summary>
internal sealed class SqliteSettlementStore : ISettlementStore, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;
    private readonly Lock _pendingLock = new();
    private List<PendingSave> _pending = [];
    private bool _flushing;
    private SqliteConnection? _connection;

    public SqliteSettlementStore(IOptions<FacilitatorOptions> options)
    {
        var path = options.Value.StorePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = path == ":memory:" ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
    }

    public async ValueTask<SettlementRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT authorization_hash, network, payer, tx_hash, status, error_reason, updated_at
                FROM facilitator_settlements WHERE key = $key
                """;
            command.Parameters.AddWithValue("$key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                return null;
            return new SettlementRecord
            {
                Key = key,
                AuthorizationHash = reader.GetString(0),
                Network = reader.GetString(1),
                Payer = reader.GetString(2),
                Transaction = reader.GetString(3),
                Status = Enum.Parse<SettlementStatus>(reader.GetString(4)),
                ErrorReason = reader.IsDBNull(5) ? null : reader.GetString(5),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask SaveAsync(SettlementRecord record, CancellationToken cancellationToken) => SaveManyAsync([record], cancellationToken);

    /// <summary>
    /// Group commit: saves that arrive while a write is in progress wait and go out together in the next
    /// transaction (one commit, one flush, however many there are). Completes once its records are durable.
    /// </summary>
    public async ValueTask SaveManyAsync(IReadOnlyList<SettlementRecord> records, CancellationToken cancellationToken)
    {
        var save = new PendingSave(records);
        bool leads;
        lock (_pendingLock)
        {
            _pending.Add(save);
            leads = !_flushing;
            _flushing = true;
        }

        if (leads)
            await FlushAsync();
        await save.Done.Task;
    }

    /// <summary>Writes what is pending, group after group, until nothing is left.</summary>
    private async Task FlushAsync()
    {
        while (true)
        {
            List<PendingSave> group;
            lock (_pendingLock)
            {
                if (_pending.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                group = _pending;
                _pending = [];
            }

            try
            {
                await WriteAsync(group.SelectMany(save => save.Records).ToList());
                foreach (var save in group)
                    save.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                foreach (var save in group)
                    save.Done.TrySetException(ex);
            }
        }
    }

    private async Task WriteAsync(List<SettlementRecord> records)
    {
        await _gate.WaitAsync();
        try
        {
            var connection = await OpenAsync(CancellationToken.None);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO facilitator_settlements (key, authorization_hash, network, payer, tx_hash, status, error_reason, updated_at)
                VALUES ($key, $hash, $network, $payer, $tx, $status, $error, $updated)
                ON CONFLICT (key) DO UPDATE SET authorization_hash = excluded.authorization_hash, network = excluded.network,
                  payer = excluded.payer, tx_hash = excluded.tx_hash, status = excluded.status,
                  error_reason = excluded.error_reason, updated_at = excluded.updated_at
                """;
            var key = command.Parameters.Add("$key", SqliteType.Text);
            var hash = command.Parameters.Add("$hash", SqliteType.Text);
            var network = command.Parameters.Add("$network", SqliteType.Text);
            var payer = command.Parameters.Add("$payer", SqliteType.Text);
            var tx = command.Parameters.Add("$tx", SqliteType.Text);
            var status = command.Parameters.Add("$status", SqliteType.Text);
            var error = command.Parameters.Add("$error", SqliteType.Text);
            var updated = command.Parameters.Add("$updated", SqliteType.Integer);
            foreach (var record in records)
            {
                key.Value = record.Key;
                hash.Value = record.AuthorizationHash;
                network.Value = record.Network;
                payer.Value = record.Payer;
                tx.Value = record.Transaction;
                status.Value = record.Status.ToString();
                error.Value = (object?)record.ErrorReason ?? DBNull.Value;
                updated.Value = record.UpdatedAt.ToUnixTimeMilliseconds();
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class PendingSave(IReadOnlyList<SettlementRecord> records)
    {
        public IReadOnlyList<SettlementRecord> Records { get; } = records;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
            return _connection;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA busy_timeout = 5000;
                CREATE TABLE IF NOT EXISTS facilitator_settlements (
                  key TEXT PRIMARY KEY,
                  authorization_hash TEXT NOT NULL,
                  network TEXT NOT NULL,
                  payer TEXT NOT NULL,
                  tx_hash TEXT NOT NULL,
                  status TEXT NOT NULL,
                  error_reason TEXT NULL,
                  updated_at INTEGER NOT NULL
                );
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _connection = connection;
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        _gate.Dispose();
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _gate.Dispose();
    }
}
