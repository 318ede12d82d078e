using System.Data.Common;
using DualRail.Protocol;

namespace DualRail.Ledger;

/// <summary>Maps the ledger's rows (in the column order of the queries that use them) to the public records.</summary>
internal static class SqliteLedgerRows
{
    public const string ReceiptColumns = SqliteLedgerSchema.ReceiptColumns;

    public const string InvoiceColumns =
        "payment_hash, resource_key, amount_msat, network, bolt11, pay_to, expires_at, settled_at, requirements";

    public const string LeasedColumns =
        "id, single_use_key, rail, resource_key, payload, requirements, payer, attempts, next_attempt_at, last_error";

    public static Receipt Receipt(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Status = reader.GetString(1) switch { "settled" => ReceiptStatus.Settled, "failed" => ReceiptStatus.Failed, _ => ReceiptStatus.Pending },
        Rail = reader.GetString(2),
        Network = reader.GetString(3),
        Transaction = NullableString(reader, 4),
        Payer = NullableString(reader, 5),
        ErrorReason = NullableString(reader, 6),
        SingleUseKey = reader.GetString(7),
        ResourceKey = NullableString(reader, 8),
        CreatedAt = FromUnixMs(reader.GetInt64(9)),
        SettledAt = reader.IsDBNull(10) ? null : FromUnixMs(reader.GetInt64(10)),
    };

    public static IssuedInvoice Invoice(DbDataReader reader) => new()
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

    public static PendingSettlement Leased(DbDataReader reader) => new()
    {
        ReceiptId = reader.GetString(0),
        Request = new SettlementRequest
        {
            SingleUseKey = reader.GetString(1),
            Rail = reader.GetString(2),
            ResourceKey = NullableString(reader, 3) ?? "",
            Payload = X402Json.Deserialize<PaymentPayload>(reader.GetString(4))!,
            Requirements = X402Json.Deserialize<PaymentRequirements>(reader.GetString(5))!,
            Payer = NullableString(reader, 6),
        },
        Attempts = reader.GetInt32(7),
        NextAttemptAt = FromUnixMs(reader.GetInt64(8)),
        LastError = NullableString(reader, 9),
    };

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
