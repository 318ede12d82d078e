using DualRail.Crypto;

namespace DualRail.Evm.Eip712;

/// <summary>The EIP-712 signing digest.</summary>
public static class Eip712Digest
{
    /// <summary>keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash).</summary>
    public static byte[] Compute(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        if (domainSeparator.Length != 32 || structHash.Length != 32)
        {
            throw new ArgumentException("The domain separator and the struct hash are 32 bytes each.");
        }

        Span<byte> preimage = stackalloc byte[66];
        preimage[0] = 0x19;
        preimage[1] = 0x01;
        domainSeparator.CopyTo(preimage[2..]);
        structHash.CopyTo(preimage[34..]);
        return Keccak256.Hash(preimage);
    }
}
