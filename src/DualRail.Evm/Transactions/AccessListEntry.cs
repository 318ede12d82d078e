namespace DualRail.Evm.Transactions;

/// <summary>One EIP-2930 access list entry: a contract and the 32-byte storage keys it touches.</summary>
public sealed record AccessListEntry(EvmAddress Address, IReadOnlyList<byte[]> StorageKeys);
