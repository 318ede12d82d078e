using Microsoft.Data.Sqlite;

namespace DualRail.AspNetCore.Tests.Infrastructure;

/// <summary>Reads the server's ledger file directly: what a payment left behind even when its client never saw an answer.</summary>
internal static class LedgerRows
{
    /// <summary>The receipt's status and transaction for a single-use key, or null when there is none.</summary>
    public static async Task<(string Status, string? Transaction)?> ReceiptAsync(string ledgerPath, string singleUseKey)
    {
        await using var connection = await OpenAsync(ledgerPath);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, tx FROM receipts WHERE single_use_key = $key";
        command.Parameters.AddWithValue("$key", singleUseKey);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>The reservation's state ("reserved", "served"), or null when there is none (never reserved, or released).</summary>
    public static async Task<string?> ReservationAsync(string ledgerPath, string singleUseKey)
    {
        await using var connection = await OpenAsync(ledgerPath);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM reservations WHERE single_use_key = $key";
        command.Parameters.AddWithValue("$key", singleUseKey);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<SqliteConnection> OpenAsync(string ledgerPath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ledgerPath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
