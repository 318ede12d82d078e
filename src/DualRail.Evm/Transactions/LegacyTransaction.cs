using System.Numerics;
using DualRail.Crypto;
using DualRail.Evm.Rlp;

namespace DualRail.Evm.Transactions;

/// <summary>
/// A legacy transaction with EIP-155 replay protection: signed over
/// rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0]), sent as
/// rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s]) with v = recId + 2·chainId + 35.
/// </summary>
public sealed record LegacyTransaction
{
    /// <summary>EIP-155 chain id.</summary>
    public required BigInteger ChainId { get; init; }

    /// <summary>The sender's nonce.</summary>
    public required BigInteger Nonce { get; init; }

    /// <summary>Gas price in wei.</summary>
    public required BigInteger GasPrice { get; init; }

    /// <summary>Gas limit.</summary>
    public required BigInteger GasLimit { get; init; }

    /// <summary>Recipient; null creates a contract.</summary>
    public EvmAddress? To { get; init; }

    /// <summary>Wei sent.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Calldata (or init code).</summary>
    public byte[] Data { get; init; } = [];

    /// <summary>keccak256(rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0])).</summary>
    public byte[] SigningHash()
    {
        var fields = CommonFields();
        fields.Add(RlpEncoder.EncodeInteger(ChainId));
        fields.Add(RlpEncoder.EncodeInteger(0));
        fields.Add(RlpEncoder.EncodeInteger(0));
        return Keccak256.Hash(RlpEncoder.EncodeList(fields));
    }

    /// <summary>Signs with RFC 6979 / low s and returns the raw transaction and hash.</summary>
    /// <exception cref="ArgumentException">An invalid private key (never echoed).</exception>
    public SignedTransaction Sign(ReadOnlySpan<byte> privateKey32)
    {
        var signature = Secp256k1.Sign(SigningHash(), privateKey32);
        var fields = CommonFields();
        fields.Add(RlpEncoder.EncodeInteger(signature.RecoveryId + (ChainId * 2) + 35));
        fields.Add(RlpEncoder.EncodeUnsigned(signature.R));
        fields.Add(RlpEncoder.EncodeUnsigned(signature.S));
        return new SignedTransaction(RlpEncoder.EncodeList(fields));
    }

    private List<byte[]> CommonFields() =>
    [
        RlpEncoder.EncodeInteger(Nonce),
        RlpEncoder.EncodeInteger(GasPrice),
        RlpEncoder.EncodeInteger(GasLimit),
        TransactionFields.To(To),
        RlpEncoder.EncodeInteger(Value),
        RlpEncoder.EncodeBytes(Data),
    ];
}
