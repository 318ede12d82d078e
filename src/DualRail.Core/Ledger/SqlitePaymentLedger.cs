using System.Security.Cryptography;
using DualRail.Protocol;
using DualRail.Rails;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DualRail.Ledger;

/// <summary>
/// The embedded ledger: one SQLite file in WAL mode. Single use is the primary key of
/// <c>reservations</c> and the UNIQUE <c>single_use_key</c> of <c>receipts</c>, so two requests (or two
/// processes) racing with one payment are decided by the database. Every write goes through one
/// <see cref="SqliteLedgerWriter"/> (group commit: one transaction and one flush for all writes queued
/// together, each write in its own savepoint); reads use pooled connections, which WAL never blocks.
/// A write returns only after its transaction committed.
/// </summary>
public sealed class SqlitePaymentLedger : IPaymentLedger, IDisposable, IAsyncDisposable
{
    private const int CommandTimeoutSeconds = 30;

    private readonly string _readConnectionString;
    private readonly string _writeConnectionString;
    private readonly bool _inMemory;
    private readonly LedgerSynchronousMode _synchronous;
    private readonly TimeProvider _time;
    private readonly SettlementSignal? _signal;
    private readonly TimeSpan _reservationTimeout;
    private readonly SqliteConnection? _memoryKeepAlive;
    private readonly Lazy<Task<SqliteLedgerWriter>> _writer;
    private volatile bool _disposed;

    public SqlitePaymentLedger(IOptions<LedgerOptions> options, TimeProvider timeProvider, SettlementSignal? signal = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _time = timeProvider;
        _signal = signal;
        _reservationTimeout = value.ReservationTimeout;
        _synchronous = value.Synchronous;

        var builder = new SqliteConnectionStringBuilder { DefaultTimeout = CommandTimeoutSeconds, Pooling = true };
        _inMemory = value.Path == ":memory:";
        if (_inMemory)
        {
            builder.DataSource = "dualrail-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            builder.Mode = SqliteOpenMode.Memory;
            builder.Cache = SqliteCacheMode.Shared;
        }
        else
        {
            builder.DataSource = Path.GetFullPath(value.Path);
            builder.Mode = SqliteOpenMode.ReadWriteCreate;
        }
        _readConnectionString = builder.ToString();
        // The writer's connection carries its own pragmas (synchronous, busy_timeout): keep it out of the pool.
        builder.Pooling = false;
        _writeConnectionString = builder.ToString();
        if (_inMemory)
        {
            _memoryKeepAlive = new SqliteConnection(_readConnectionString);
            _memoryKeepAlive.Open();
        }
        _writer = new Lazy<Task<SqliteLedgerWriter>>(StartWriterAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Creates the database and schema if needed and starts the writer. Called on first use; call it at start-up to fail early.</summary>
    public Task InitializeAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer.Value;
    }

    /// <summary>The writer, for tests (queue length, commit count).</summary>
    internal Task<SqliteLedgerWriter> Writer => _writer.Value;

    public async ValueTask<bool> TryReserveAsync(string singleUseKey, string resourceKey, CancellationToken cancellationToken)
    {
        var now = Now();
        var stale = now - (long)_reservationTimeout.TotalMilliseconds;
        // A fresh key inserts; a stale reservation (process died mid-request) is taken over; anything else conflicts.
        return await WriteAsync(context => context.Execute("""
            INSERT INTO reservations (single_use_key, resource_key, state, reserved_at) VALUES ($key, $resource, 'reserved', $now)
            ON CONFLICT (single_use_key) DO UPDATE SET resource_key = excluded.resource_key, reserved_at = excluded.reserved_at
            WHERE reservations.state = 'reserved' AND reservations.reserved_at <= $stale
            """, ("$key", singleUseKey), ("$resource", resourceKey), ("$now", now), ("$stale", stale)) == 1, cancellationToken);
    }

    public async ValueTask ReleaseAsync(string singleUseKey, CancellationToken cancellationToken) =>
        await WriteAsync(context => context.Execute(
            "DELETE FROM reservations WHERE single_use_key = $key AND state = 'reserved'", ("$key", singleUseKey)), cancellationToken);

    public async ValueTask MarkServedAsync(string singleUseKey, CancellationToken cancellationToken)
    {
        var now = Now();
        await WriteAsync(context => MarkServed(context, singleUseKey, "", now), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Also marks the reservation served, in the same transaction.</remarks>
    public async ValueTask<Receipt> EnqueueSettlementAsync(SettlementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Now();
        var id = NewReceiptId();
        var payload = X402Json.Serialize(request.Payload);
        var requirements = X402Json.Serialize(request.Requirements);
        var receipt = await WriteAsync(context =>
        {
            MarkServed(context, request.SingleUseKey, request.ResourceKey, now);
            context.Execute("""
                INSERT INTO receipts (id, single_use_key, rail, resource_key, network, status, payload, requirements, payer,
                                      attempts, next_attempt_at, created_at)
                VALUES ($id, $key, $rail, $resource, $network, 'pending', $payload, $requirements, $payer, 0, $now, $now)
                ON CONFLICT (single_use_key) DO NOTHING
                """,
                ("$id", id), ("$key", request.SingleUseKey), ("$rail", request.Rail), ("$resource", request.ResourceKey),
                ("$network", request.Requirements.Network), ("$payload", payload), ("$requirements", requirements),
                ("$payer", request.Payer), ("$now", now));
            return ReceiptByKey(context, request.SingleUseKey);
        }, cancellationToken);
        _signal?.Notify();
        return receipt;
    }

    public async ValueTask<IReadOnlyList<PendingSettlement>> LeaseDueSettlementsAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now();
        var until = now + (long)lease.TotalMilliseconds;
        return await WriteAsync<IReadOnlyList<PendingSettlement>>(context =>
        {
            using var reader = context.Query($"""
                UPDATE receipts SET lease_until = $until, attempts = attempts + 1
                WHERE id IN (SELECT id FROM receipts
                             WHERE status = 'pending' AND next_attempt_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
                             ORDER BY next_attempt_at LIMIT $max)
                RETURNING {SqliteLedgerRows.LeasedColumns}
                """, ("$until", until), ("$now", now), ("$max", max));
            var leased = new List<PendingSettlement>();
            while (reader.Read())
                leased.Add(SqliteLedgerRows.Leased(reader));
            return leased;
        }, cancellationToken);
    }

    public async ValueTask CompleteSettlementAsync(string receiptId, PaymentSettlement result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = Now();
        // Only a pending row moves: the first final outcome is kept.
        await WriteAsync(context => context.Execute("""
            UPDATE receipts SET status = $status, tx = $tx, payer = COALESCE($payer, payer), error_reason = $reason,
                                last_error = COALESCE($message, last_error), lease_until = NULL, settled_at = $now
            WHERE id = $id AND status = 'pending'
            """,
            ("$status", result.Success ? "settled" : "failed"), ("$tx", result.Transaction), ("$payer", result.Payer),
            ("$reason", result.Success ? null : result.ErrorReason ?? ReasonCodes.UnexpectedSettleError),
            ("$message", result.ErrorMessage), ("$now", now), ("$id", receiptId)), cancellationToken);
    }

    public async ValueTask RetrySettlementAsync(string receiptId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        var next = nextAttemptAt.ToUnixTimeMilliseconds();
        await WriteAsync(context => context.Execute("""
            UPDATE receipts SET next_attempt_at = $next, last_error = $error, lease_until = NULL
            WHERE id = $id AND status = 'pending'
            """, ("$next", next), ("$error", error), ("$id", receiptId)), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>A successful settlement also marks the reservation served, in the same transaction.</remarks>
    public async ValueTask<Receipt> RecordReceiptAsync(string singleUseKey, string rail, PaymentSettlement result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = Now();
        var id = NewReceiptId();
        return await WriteAsync(context =>
        {
            // Money that moved consumes the payment: served in the same transaction, so it can never be reserved again.
            if (result.Success)
                MarkServed(context, singleUseKey, "", now);
            // A failed earlier attempt with the same payment may be overwritten; a settled or pending one never.
            context.Execute("""
                INSERT INTO receipts (id, single_use_key, rail, network, status, payer, tx, error_reason, last_error, created_at, settled_at)
                VALUES ($id, $key, $rail, $network, $status, $payer, $tx, $reason, $message, $now, $now)
                ON CONFLICT (single_use_key) DO UPDATE SET status = excluded.status, payer = excluded.payer, tx = excluded.tx,
                    error_reason = excluded.error_reason, last_error = excluded.last_error, settled_at = excluded.settled_at
                WHERE receipts.status = 'failed'
                """,
                ("$id", id), ("$key", singleUseKey), ("$rail", rail), ("$network", result.Network),
                ("$status", result.Success ? "settled" : "failed"), ("$payer", result.Payer), ("$tx", result.Transaction),
                ("$reason", result.Success ? null : result.ErrorReason ?? ReasonCodes.UnexpectedSettleError),
                ("$message", result.ErrorMessage), ("$now", now));
            return ReceiptByKey(context, singleUseKey);
        }, cancellationToken);
    }

    public async ValueTask<Receipt?> GetReceiptAsync(string receiptId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = Command(connection,
            $"SELECT {SqliteLedgerRows.ReceiptColumns} FROM receipts WHERE id = $id", ("$id", receiptId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteLedgerRows.Receipt(reader) : null;
    }

    public async ValueTask RecordInvoiceAsync(IssuedInvoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var requirements = X402Json.Serialize(invoice.Requirements);
        await WriteAsync(context => context.Execute($"""
            INSERT INTO invoices ({SqliteLedgerRows.InvoiceColumns})
            VALUES ($hash, $resource, $amount, $network, $bolt11, $payTo, $expires, $settled, $requirements)
            """,
            ("$hash", invoice.PaymentHash), ("$resource", invoice.ResourceKey), ("$amount", invoice.AmountMsat),
            ("$network", invoice.Network), ("$bolt11", invoice.Bolt11), ("$payTo", invoice.PayTo),
            ("$expires", invoice.ExpiresAt.ToUnixTimeMilliseconds()), ("$settled", invoice.SettledAt?.ToUnixTimeMilliseconds()),
            ("$requirements", requirements)), cancellationToken);
    }

    public async ValueTask<IssuedInvoice?> GetInvoiceAsync(string paymentHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = Command(connection,
            $"SELECT {SqliteLedgerRows.InvoiceColumns} FROM invoices WHERE payment_hash = $hash", ("$hash", paymentHash));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteLedgerRows.Invoice(reader) : null;
    }

    public async ValueTask<bool> MarkInvoiceSettledAsync(string paymentHash, DateTimeOffset settledAt, CancellationToken cancellationToken)
    {
        var at = settledAt.ToUnixTimeMilliseconds();
        return await WriteAsync(context =>
        {
            context.Execute("UPDATE invoices SET settled_at = $at WHERE payment_hash = $hash AND settled_at IS NULL",
                ("$at", at), ("$hash", paymentHash));
            return context.Scalar("SELECT 1 FROM invoices WHERE payment_hash = $hash", ("$hash", paymentHash)) is not null;
        }, cancellationToken);
    }

    public async ValueTask<long?> GetCursorAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = Command(connection, "SELECT value FROM cursors WHERE name = $name", ("$name", name));
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : null;
    }

    public async ValueTask SetCursorAsync(string name, long value, CancellationToken cancellationToken) =>
        await WriteAsync(context => context.Execute("""
            INSERT INTO cursors (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """, ("$name", name), ("$value", value)), cancellationToken);

    /// <summary>Stops taking writes, waits until the queued ones are committed (or failed), then closes the ledger.</summary>
    public void Dispose()
    {
        StartedWriter()?.Dispose();
        _memoryKeepAlive?.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (StartedWriter() is { } writer)
            await writer.DisposeAsync();
        _memoryKeepAlive?.Dispose();
    }

    private SqliteLedgerWriter? StartedWriter()
    {
        _disposed = true;
        if (!_writer.IsValueCreated)
            return null;
        try
        {
            // Opening is short (open + schema); a writer that never started has nothing queued.
            return _writer.Value.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // Opening failed: no writer ever ran, and the failure was reported to whoever waited for it.
            return null;
        }
    }

    private async Task<T> WriteAsync<T>(Func<LedgerWriteContext, T> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var writer = await _writer.Value.WaitAsync(cancellationToken);
        return await writer.WriteAsync(write, cancellationToken);
    }

    private async Task<SqliteLedgerWriter> StartWriterAsync()
    {
        var connection = new SqliteConnection(_writeConnectionString);
        try
        {
            await connection.OpenAsync();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = (_inMemory ? "" : "PRAGMA journal_mode = WAL;")
                    + SqliteLedgerSchema.Create + $"PRAGMA user_version = {SqliteLedgerSchema.Version};";
                await command.ExecuteNonQueryAsync();
            }
            return SqliteLedgerWriter.Start(connection, _synchronous);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writer.Value.WaitAsync(cancellationToken);
        var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static int MarkServed(LedgerWriteContext context, string singleUseKey, string resourceKey, long now) =>
        context.Execute("""
            INSERT INTO reservations (single_use_key, resource_key, state, reserved_at, served_at) VALUES ($key, $resource, 'served', $now, $now)
            ON CONFLICT (single_use_key) DO UPDATE SET state = 'served', served_at = COALESCE(reservations.served_at, excluded.served_at)
            """, ("$key", singleUseKey), ("$resource", resourceKey), ("$now", now));

    private static Receipt ReceiptByKey(LedgerWriteContext context, string singleUseKey)
    {
        using var reader = context.Query($"SELECT {SqliteLedgerRows.ReceiptColumns} FROM receipts WHERE single_use_key = $key", ("$key", singleUseKey));
        return reader.Read()
            ? SqliteLedgerRows.Receipt(reader)
            : throw new InvalidOperationException("The receipt was not found after it was written.");
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string NewReceiptId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
