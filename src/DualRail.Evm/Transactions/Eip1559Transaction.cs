using System.Numerics;
using DualRail.Crypto;
using DualRail.Evm.Rlp;

namespace DualRail.Evm.Transactions;

/// <summary>
/// An EIP-1559 (type 2) transaction. Signed payload:
/// 0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList, yParity, r, s]).
/// </summary>
public sealed record Eip1559Transaction
{
    /// <summary>The EIP-2718 type byte.</summary>
    public const byte TransactionType = 0x02;

    /// <summary>EIP-155 chain id.</summary>
    public required BigInteger ChainId { get; init; }

    /// <summary>The sender's nonce.</summary>
    public required BigInteger Nonce { get; init; }

    /// <summary>Tip per gas for the block producer, in wei.</summary>
    public required BigInteger MaxPriorityFeePerGas { get; init; }

    /// <summary>Cap on base fee + tip per gas, in wei.</summary>
    public required BigInteger MaxFeePerGas { get; init; }

    /// <summary>Gas limit.</summary>
    public required BigInteger GasLimit { get; init; }

    /// <summary>Recipient; null creates a contract.</summary>
    public EvmAddress? To { get; init; }

    /// <summary>Wei sent.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Calldata (or init code).</summary>
    public byte[] Data { get; init; } = [];

    /// <summary>EIP-2930 access list.</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <summary>keccak256(0x02 ‖ rlp([the nine unsigned fields])).</summary>
    public byte[] SigningHash() => Keccak256.Hash([TransactionType, .. RlpEncoder.EncodeList(UnsignedFields())]);

    /// <summary>Signs with RFC 6979 / low s and returns the raw envelope and hash.</summary>
    /// <exception cref="ArgumentException">An invalid private key (never echoed).</exception>
    public SignedTransaction Sign(ReadOnlySpan<byte> privateKey32)
    {
        var signature = Secp256k1.Sign(SigningHash(), privateKey32);
        return WithSignature(signature.RecoveryId, signature.R, signature.S);
    }

    /// <summary>Assembles the signed envelope from an existing signature.</summary>
    public SignedTransaction WithSignature(int yParity, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s)
    {
        if (yParity is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(yParity), yParity, "yParity is 0 or 1.");
        }

        var fields = UnsignedFields();
        fields.Add(RlpEncoder.EncodeInteger(yParity));
        fields.Add(RlpEncoder.EncodeUnsigned(r));
        fields.Add(RlpEncoder.EncodeUnsigned(s));
        return new SignedTransaction([TransactionType, .. RlpEncoder.EncodeList(fields)]);
    }

    private List<byte[]> UnsignedFields() =>
    [
        RlpEncoder.EncodeInteger(ChainId),
        RlpEncoder.EncodeInteger(Nonce),
        RlpEncoder.EncodeInteger(MaxPriorityFeePerGas),
        RlpEncoder.EncodeInteger(MaxFeePerGas),
        RlpEncoder.EncodeInteger(GasLimit),
        TransactionFields.To(To),
        RlpEncoder.EncodeInteger(Value),
        RlpEncoder.EncodeBytes(Data),
        TransactionFields.AccessList(AccessList),
    ];
}
