using Microsoft.Data.Sqlite;

namespace DualRail.Core.Tests.Ledger;

/// <summary>
/// Another process's connection to a ledger file (a second server, the CLI): it holds SQLite's write
/// lock (BEGIN IMMEDIATE) from creation until <see cref="Commit"/>, and can write meanwhile.
/// </summary>
internal sealed class ForeignWriter : IDisposable
{
    private readonly SqliteConnection _connection;

    public ForeignWriter(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("BEGIN IMMEDIATE");
    }

    public int Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public void Commit() => Execute("COMMIT");

    public void Dispose() => _connection.Dispose();
}
