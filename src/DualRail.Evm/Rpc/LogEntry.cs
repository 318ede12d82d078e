namespace DualRail.Evm.Rpc;

/// <summary>One event log of a receipt.</summary>
public sealed record LogEntry(EvmAddress Address, IReadOnlyList<byte[]> Topics, byte[] Data);
