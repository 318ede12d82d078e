using System.Numerics;

namespace DualRail.Evm.Eip3009;

/// <summary>EIP-3009 <c>TransferWithAuthorization</c>: anyone may submit it; x402's <c>exact</c> EVM scheme signs this.</summary>
public sealed record TransferWithAuthorization(
    EvmAddress From,
    EvmAddress To,
    BigInteger Value,
    BigInteger ValidAfter,
    BigInteger ValidBefore,
    byte[] Nonce) : Eip3009Authorization(From, To, Value, ValidAfter, ValidBefore, Nonce)
{
    /// <summary>The type string, verbatim from the standard.</summary>
    public const string TypeString =
        "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)";

    private static readonly byte[] TypeHashBytes = HashTypeString(TypeString);

    /// <summary>0x7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a2267.</summary>
    public static ReadOnlySpan<byte> TypeHashValue => TypeHashBytes;

    /// <inheritdoc />
    public override string PrimaryType => "TransferWithAuthorization";

    /// <inheritdoc />
    public override ReadOnlySpan<byte> TypeHash => TypeHashBytes;
}
