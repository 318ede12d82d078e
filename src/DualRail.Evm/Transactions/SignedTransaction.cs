using DualRail.Crypto;

namespace DualRail.Evm.Transactions;

/// <summary>A signed transaction ready for eth_sendRawTransaction, and its hash (keccak256 of the raw bytes).</summary>
public sealed class SignedTransaction
{
    internal SignedTransaction(byte[] raw)
    {
        Raw = raw;
        Hash = Keccak256.Hash(raw);
    }

    /// <summary>The raw bytes (typed envelope or legacy RLP).</summary>
    public byte[] Raw { get; }

    /// <summary>The transaction hash.</summary>
    public byte[] Hash { get; }

    /// <summary>0x-hex of <see cref="Raw"/>.</summary>
    public string RawHex => Hex.Encode(Raw, withPrefix: true);

    /// <summary>0x-hex of <see cref="Hash"/>, as nodes report it.</summary>
    public string HashHex => Hex.Encode(Hash, withPrefix: true);
}
