using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using DualRail.Protocol;
using DualRail.Rails;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DualRail.Ledger;

/// <summary>
/// The embedded ledger: one SQLite file in WAL mode. Every state change is one statement or one
/// transaction, and single use is the primary key of <c>reservations</c> and the UNIQUE
/// <c>single_use_key</c> of <c>receipts</c>, so two requests (or two processes) racing with one
/// payment are decided by the database.
/// </summary>
public sealed class SqlitePaymentLedger : IPaymentLedger, IDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SettlementSignal? _signal;
    private readonly TimeSpan _reservationTimeout;
    private readonly SqliteConnection? _memoryKeepAlive;
    private readonly Lazy<Task> _initialized;

    public SqlitePaymentLedger(IOptions<LedgerOptions> options, TimeProvider timeProvider, SettlementSignal? signal = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _time = timeProvider;
        _signal = signal;
        _reservationTimeout = value.ReservationTimeout;

        var builder = new SqliteConnectionStringBuilder { DefaultTimeout = 30, Pooling = true };
        if (value.Path == ":memory:")
        {
            builder.DataSource = "dualrail-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            builder.Mode = SqliteOpenMode.Memory;
            builder.Cache = SqliteCacheMode.Shared;
            _connectionString = builder.ToString();
            _memoryKeepAlive = new SqliteConnection(_connectionString);
            _memoryKeepAlive.Open();
        }
        else
        {
            builder.DataSource = Path.GetFullPath(value.Path);
            builder.Mode = SqliteOpenMode.ReadWriteCreate;
            _connectionString = builder.ToString();
        }
        _initialized = new Lazy<Task>(InitializeCoreAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Creates the database and schema if needed. Called on first use; call it at start-up to fail early.</summary>
    public Task InitializeAsync() => _initialized.Value;

    public async ValueTask<bool> TryReserveAsync(string singleUseKey, string resourceKey, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await OpenAsync(cancellationToken);
        // A fresh key inserts; a stale reservation (process died mid-request) is taken over; anything else conflicts.
        var changed = await ExecuteAsync(connection, """
            INSERT INTO reservations (single_use_key, resource_key, state, reserved_at) VALUES ($key, $resource, 'reserved', $now)
            ON CONFLICT (single_use_key) DO UPDATE SET resource_key = excluded.resource_key, reserved_at = excluded.reserved_at
            WHERE reservations.state = 'reserved' AND reservations.reserved_at <= $stale
            """, cancellationToken,
            ("$key", singleUseKey), ("$resource", resourceKey), ("$now", now),
            ("$stale", now - (long)_reservationTimeout.TotalMilliseconds));
        return changed == 1;
    }

    public async ValueTask ReleaseAsync(string singleUseKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM reservations WHERE single_use_key = $key AND state = 'reserved'",
            cancellationToken, ("$key", singleUseKey));
    }

    public async ValueTask MarkServedAsync(string singleUseKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await MarkServedAsync(connection, null, singleUseKey, "", cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Also marks the reservation served, in the same transaction.</remarks>
    public async ValueTask<Receipt> EnqueueSettlementAsync(SettlementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Now();
        await using var connection = await OpenAsync(cancellationToken);
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            await MarkServedAsync(connection, transaction, request.SingleUseKey, request.ResourceKey, cancellationToken);
            await ExecuteAsync(connection, """
                INSERT INTO receipts (id, single_use_key, rail, resource_key, network, status, payload, requirements, payer,
                                      attempts, next_attempt_at, created_at)
                VALUES ($id, $key, $rail, $resource, $network, 'pending', $payload, $requirements, $payer, 0, $now, $now)
                ON CONFLICT (single_use_key) DO NOTHING
                """, cancellationToken, transaction,
                ("$id", NewReceiptId()), ("$key", request.SingleUseKey), ("$rail", request.Rail),
                ("$resource", request.ResourceKey), ("$network", request.Requirements.Network),
                ("$payload", X402Json.Serialize(request.Payload)), ("$requirements", X402Json.Serialize(request.Requirements)),
                ("$payer", request.Payer), ("$now", now));
            await transaction.CommitAsync(cancellationToken);
        }
        _signal?.Notify();
        return await GetReceiptByKeyAsync(connection, request.SingleUseKey, cancellationToken)
            ?? throw new InvalidOperationException("The queued settlement was not found after commit.");
    }

    public async ValueTask<IReadOnlyList<PendingSettlement>> LeaseDueSettlementsAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            UPDATE receipts SET lease_until = $until, attempts = attempts + 1
            WHERE id IN (SELECT id FROM receipts
                         WHERE status = 'pending' AND next_attempt_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
                         ORDER BY next_attempt_at LIMIT $max)
            RETURNING id, single_use_key, rail, resource_key, payload, requirements, payer, attempts, next_attempt_at, last_error
            """, null, ("$until", now + (long)lease.TotalMilliseconds), ("$now", now), ("$max", max));
        var leased = new List<PendingSettlement>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            leased.Add(new PendingSettlement
            {
                ReceiptId = reader.GetString(0),
                Request = new SettlementRequest
                {
                    SingleUseKey = reader.GetString(1),
                    Rail = reader.GetString(2),
                    ResourceKey = reader.IsDBNull(3) ? "" : reader.GetString(3),
                    Payload = X402Json.Deserialize<PaymentPayload>(reader.GetString(4))!,
                    Requirements = X402Json.Deserialize<PaymentRequirements>(reader.GetString(5))!,
                    Payer = reader.IsDBNull(6) ? null : reader.GetString(6),
                },
                Attempts = reader.GetInt32(7),
                NextAttemptAt = FromUnixMs(reader.GetInt64(8)),
                LastError = reader.IsDBNull(9) ? null : reader.GetString(9),
            });
        }
        return leased;
    }

    public async ValueTask CompleteSettlementAsync(string receiptId, PaymentSettlement result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await OpenAsync(cancellationToken);
        // Only a pending row moves: the first final outcome is kept.
        await ExecuteAsync(connection, """
            UPDATE receipts SET status = $status, tx = $tx, payer = COALESCE($payer, payer), error_reason = $reason,
                                last_error = COALESCE($message, last_error), lease_until = NULL, settled_at = $now
            WHERE id = $id AND status = 'pending'
            """, cancellationToken,
            ("$status", result.Success ? "settled" : "failed"), ("$tx", result.Transaction), ("$payer", result.Payer),
            ("$reason", result.Success ? null : result.ErrorReason ?? ReasonCodes.UnexpectedSettleError),
            ("$message", result.ErrorMessage), ("$now", Now()), ("$id", receiptId));
    }

    public async ValueTask RetrySettlementAsync(string receiptId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            UPDATE receipts SET next_attempt_at = $next, last_error = $error, lease_until = NULL
            WHERE id = $id AND status = 'pending'
            """, cancellationToken, ("$next", nextAttemptAt.ToUnixTimeMilliseconds()), ("$error", error), ("$id", receiptId));
    }

    /// <inheritdoc />
    /// <remarks>A successful settlement also marks the reservation served, in the same transaction.</remarks>
    public async ValueTask<Receipt> RecordReceiptAsync(string singleUseKey, string rail, PaymentSettlement result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = Now();
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // Money that moved consumes the payment: served in the same transaction, so it can never be reserved again.
        if (result.Success)
            await MarkServedAsync(connection, transaction, singleUseKey, "", cancellationToken);
        // A failed earlier attempt with the same payment may be overwritten; a settled or pending one never.
        await ExecuteAsync(connection, """
            INSERT INTO receipts (id, single_use_key, rail, network, status, payer, tx, error_reason, last_error, created_at, settled_at)
            VALUES ($id, $key, $rail, $network, $status, $payer, $tx, $reason, $message, $now, $now)
            ON CONFLICT (single_use_key) DO UPDATE SET status = excluded.status, payer = excluded.payer, tx = excluded.tx,
                error_reason = excluded.error_reason, last_error = excluded.last_error, settled_at = excluded.settled_at
            WHERE receipts.status = 'failed'
            """, cancellationToken, transaction,
            ("$id", NewReceiptId()), ("$key", singleUseKey), ("$rail", rail), ("$network", result.Network),
            ("$status", result.Success ? "settled" : "failed"), ("$payer", result.Payer), ("$tx", result.Transaction),
            ("$reason", result.Success ? null : result.ErrorReason ?? ReasonCodes.UnexpectedSettleError),
            ("$message", result.ErrorMessage), ("$now", now));
        await transaction.CommitAsync(cancellationToken);
        return await GetReceiptByKeyAsync(connection, singleUseKey, cancellationToken)
            ?? throw new InvalidOperationException("The receipt was not found after commit.");
    }

    public async ValueTask<Receipt?> GetReceiptAsync(string receiptId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryReceiptAsync(connection, "id = $value", receiptId, cancellationToken);
    }

    public async ValueTask RecordInvoiceAsync(IssuedInvoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO invoices (payment_hash, resource_key, amount_msat, network, bolt11, pay_to, expires_at, settled_at, requirements)
            VALUES ($hash, $resource, $amount, $network, $bolt11, $payTo, $expires, $settled, $requirements)
            """, cancellationToken,
            ("$hash", invoice.PaymentHash), ("$resource", invoice.ResourceKey), ("$amount", invoice.AmountMsat),
            ("$network", invoice.Network), ("$bolt11", invoice.Bolt11), ("$payTo", invoice.PayTo),
            ("$expires", invoice.ExpiresAt.ToUnixTimeMilliseconds()), ("$settled", invoice.SettledAt?.ToUnixTimeMilliseconds()),
            ("$requirements", X402Json.Serialize(invoice.Requirements)));
    }

    public async ValueTask<IssuedInvoice?> GetInvoiceAsync(string paymentHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT payment_hash, resource_key, amount_msat, network, bolt11, pay_to, expires_at, settled_at, requirements
            FROM invoices WHERE payment_hash = $hash
            """, null, ("$hash", paymentHash));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new IssuedInvoice
        {
            PaymentHash = reader.GetString(0),
            ResourceKey = reader.GetString(1),
            AmountMsat = reader.GetInt64(2),
            Network = reader.GetString(3),
            Bolt11 = reader.GetString(4),
            PayTo = reader.GetString(5),
            ExpiresAt = FromUnixMs(reader.GetInt64(6)),
            SettledAt = reader.IsDBNull(7) ? null : FromUnixMs(reader.GetInt64(7)),
            Requirements = X402Json.Deserialize<PaymentRequirements>(reader.GetString(8))!,
        };
    }

    public async ValueTask<bool> MarkInvoiceSettledAsync(string paymentHash, DateTimeOffset settledAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "UPDATE invoices SET settled_at = $at WHERE payment_hash = $hash AND settled_at IS NULL",
            cancellationToken, ("$at", settledAt.ToUnixTimeMilliseconds()), ("$hash", paymentHash));
        await using var command = Command(connection, "SELECT 1 FROM invoices WHERE payment_hash = $hash", null, ("$hash", paymentHash));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async ValueTask<long?> GetCursorAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT value FROM cursors WHERE name = $name", null, ("$name", name));
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : null;
    }

    public async ValueTask SetCursorAsync(string name, long value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO cursors (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """, cancellationToken, ("$name", name), ("$value", value));
    }

    public void Dispose() => _memoryKeepAlive?.Dispose();

    private async Task InitializeCoreAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        if (_memoryKeepAlive is null)
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", CancellationToken.None);
        await ExecuteAsync(connection, SqliteLedgerSchema.Create + $"PRAGMA user_version = {SqliteLedgerSchema.Version};", CancellationToken.None);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _initialized.Value.WaitAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private Task<int> MarkServedAsync(SqliteConnection connection, SqliteTransaction? transaction, string singleUseKey, string resourceKey, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, """
            INSERT INTO reservations (single_use_key, resource_key, state, reserved_at, served_at) VALUES ($key, $resource, 'served', $now, $now)
            ON CONFLICT (single_use_key) DO UPDATE SET state = 'served', served_at = COALESCE(reservations.served_at, excluded.served_at)
            """, cancellationToken, transaction, ("$key", singleUseKey), ("$resource", resourceKey), ("$now", Now()));

    private static Task<Receipt?> GetReceiptByKeyAsync(SqliteConnection connection, string singleUseKey, CancellationToken cancellationToken) =>
        QueryReceiptAsync(connection, "single_use_key = $value", singleUseKey, cancellationToken);

    private static async Task<Receipt?> QueryReceiptAsync(SqliteConnection connection, string where, string value, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {SqliteLedgerSchema.ReceiptColumns} FROM receipts WHERE {where}", null, ("$value", value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new Receipt
        {
            Id = reader.GetString(0),
            Status = reader.GetString(1) switch { "settled" => ReceiptStatus.Settled, "failed" => ReceiptStatus.Failed, _ => ReceiptStatus.Pending },
            Rail = reader.GetString(2),
            Network = reader.GetString(3),
            Transaction = reader.IsDBNull(4) ? null : reader.GetString(4),
            Payer = reader.IsDBNull(5) ? null : reader.GetString(5),
            ErrorReason = reader.IsDBNull(6) ? null : reader.GetString(6),
            SingleUseKey = reader.GetString(7),
            ResourceKey = reader.IsDBNull(8) ? null : reader.GetString(8),
            CreatedAt = FromUnixMs(reader.GetInt64(9)),
            SettledAt = reader.IsDBNull(10) ? null : FromUnixMs(reader.GetInt64(10)),
        };
    }

    [SuppressMessage("Design", "CA1068", Justification = "The SQL parameters are a params array, which must come last.")]
    private static Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        ExecuteAsync(connection, sql, cancellationToken, null, parameters);

    [SuppressMessage("Design", "CA1068", Justification = "The SQL parameters are a params array, which must come last.")]
    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    private static string NewReceiptId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
