using System.Numerics;

namespace DualRail.Evm.Eip3009;

/// <summary>EIP-3009 <c>ReceiveWithAuthorization</c>: only the payee (<c>msg.sender == to</c>) may submit it.</summary>
public sealed record ReceiveWithAuthorization(
    EvmAddress From,
    EvmAddress To,
    BigInteger Value,
    BigInteger ValidAfter,
    BigInteger ValidBefore,
    byte[] Nonce) : Eip3009Authorization(From, To, Value, ValidAfter, ValidBefore, Nonce)
{
    /// <summary>The type string, verbatim from the standard.</summary>
    public const string TypeString =
        "ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)";

    private static readonly byte[] TypeHashBytes = HashTypeString(TypeString);

    /// <summary>0xd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de8.</summary>
    public static ReadOnlySpan<byte> TypeHashValue => TypeHashBytes;

    /// <inheritdoc />
    public override string PrimaryType => "ReceiveWithAuthorization";

    /// <inheritdoc />
    public override ReadOnlySpan<byte> TypeHash => TypeHashBytes;
}
