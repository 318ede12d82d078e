using DualRail.Evm.Rlp;

namespace DualRail.Evm.Transactions;

/// <summary>RLP pieces shared by the transaction types.</summary>
internal static class TransactionFields
{
    public static byte[] To(EvmAddress? to) => to is { } address ? RlpEncoder.EncodeBytes(address.ToArray()) : RlpEncoder.EncodeBytes([]);

    public static byte[] AccessList(IReadOnlyList<AccessListEntry> entries) =>
        RlpEncoder.EncodeList(entries.Select(entry => RlpEncoder.EncodeList(
            RlpEncoder.EncodeBytes(entry.Address.ToArray()),
            RlpEncoder.EncodeList(entry.StorageKeys.Select(key => key.Length == 32
                ? RlpEncoder.EncodeBytes(key)
                : throw new ArgumentException("Access list storage keys are 32 bytes.")).ToList()))).ToList());
}
