using System.Text;
using DualRail.Crypto;
using DualRail.Evm.Abi;
using DualRail.Evm.Eip712;

namespace DualRail.Evm.Eip3009;

/// <summary>EIP-3009 <c>CancelAuthorization</c>: the authorizer burns an unused nonce.</summary>
public sealed record CancelAuthorization(EvmAddress Authorizer, byte[] Nonce)
{
    /// <summary>The type string, verbatim from the standard.</summary>
    public const string TypeString = "CancelAuthorization(address authorizer,bytes32 nonce)";

    private static readonly byte[] TypeHashBytes = Keccak256.Hash(Encoding.ASCII.GetBytes(TypeString));

    /// <summary>0x158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a1597429.</summary>
    public static ReadOnlySpan<byte> TypeHash => TypeHashBytes;

    /// <summary>keccak256(typeHash ‖ authorizer ‖ nonce).</summary>
    /// <exception cref="FormatException">The nonce is not 32 bytes.</exception>
    public byte[] StructHash()
    {
        if (Nonce is not { Length: 32 })
        {
            throw new FormatException("An EIP-3009 nonce is 32 bytes.");
        }

        Span<byte> encoded = stackalloc byte[3 * AbiWord.Size];
        TypeHashBytes.CopyTo(encoded);
        AbiWord.WriteAddress(Authorizer, encoded[32..]);
        Nonce.CopyTo(encoded[64..]);
        return Keccak256.Hash(encoded);
    }

    /// <summary>The EIP-712 digest under <paramref name="domain"/>.</summary>
    public byte[] Digest(Eip712Domain domain) => domain.Digest(StructHash());

    /// <summary>Signs as the authorizer.</summary>
    public EthSignature Sign(Eip712Domain domain, ReadOnlySpan<byte> privateKey32) => EthSignature.Sign(Digest(domain), privateKey32);

    /// <summary>The address that made <paramref name="signature"/>; compare it with <see cref="Authorizer"/>.</summary>
    public EvmAddress? RecoverSigner(Eip712Domain domain, EthSignature signature) => signature.RecoverAddress(Digest(domain));

    /// <summary>Equal when the authorizer and the nonce are equal.</summary>
    public bool Equals(CancelAuthorization? other) =>
        other is not null && Authorizer == other.Authorizer && (Nonce ?? []).AsSpan().SequenceEqual(other.Nonce ?? []);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Authorizer);
        hash.AddBytes(Nonce ?? []);
        return hash.ToHashCode();
    }
}
