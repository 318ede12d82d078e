namespace DualRail.Facilitator.Relayer;

/// <summary>A signed EIP-1559 transaction ready for eth_sendRawTransaction, and its hash.</summary>
internal sealed record SignedTransaction(byte[] RawTransaction, string Hash);
