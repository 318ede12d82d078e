using System.Diagnostics.CodeAnalysis;
using DualRail.Evm;
using DualRail.Evm.Abi;
using DualRail.Evm.Eip3009;
using DualRail.Evm.Eip712;

namespace DualRail.Facilitator.Verification;

/// <summary>The facilitator's EIP-3009 specifics on top of DualRail.Evm: digest, settlement call, ERC-6492, EOA recovery.</summary>
internal static class Eip3009Codec
{
    private static readonly byte[] Erc6492MagicSuffix = Convert.FromHexString("6492649264926492649264926492649264926492649264926492649264926492");

    public static byte[] TransferWithAuthorizationDigest(Eip712Domain domain, ExactEvmAuthorization authorization) =>
        authorization.ToTransferWithAuthorization().Digest(domain);

    /// <summary>
    /// transferWithAuthorization: the v,r,s overload for a canonical 65-byte signature (v normalized
    /// to 27/28), the bytes overload for anything else (contract wallets), as the x402 reference does.
    /// </summary>
    public static byte[] TransferWithAuthorizationCall(ExactEvmAuthorization authorization, byte[] signature) =>
        EthSignature.TryFromBytes(signature, out var canonical, out _, out _)
            ? Eip3009Calls.TransferWithAuthorization(authorization.ToTransferWithAuthorization(), canonical)
            : Eip3009Calls.TransferWithAuthorization(authorization.ToTransferWithAuthorization(), signature.AsSpan());

    /// <summary>The EOA that made a 65-byte signature, or null (not canonical: bad v, high s, bad r/s; or no point).</summary>
    public static EvmAddress? RecoverSigner(byte[] digest, byte[] signature) =>
        EthSignature.TryFromBytes(signature, out var canonical, out _, out _) ? canonical.RecoverAddress(digest) : null;

    /// <summary>ERC-6492: abi.encode(factory, factoryCalldata, innerSignature) ‖ 32-byte magic. Returns the inner signature.</summary>
    public static bool TryUnwrapErc6492(byte[] signature, [NotNullWhen(true)] out byte[]? inner)
    {
        inner = null;
        if (signature.Length < 32 + 3 * AbiWord.Size || !signature.AsSpan(signature.Length - 32).SequenceEqual(Erc6492MagicSuffix))
            return false;
        try
        {
            inner = new AbiDecoder(signature.AsMemory(0, signature.Length - 32)).Bytes(2);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
