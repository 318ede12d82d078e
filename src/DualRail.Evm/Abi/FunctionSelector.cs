using System.Text;
using DualRail.Crypto;

namespace DualRail.Evm.Abi;

/// <summary>The first four bytes of keccak256 of a canonical signature such as <c>balanceOf(address)</c>.</summary>
public static class FunctionSelector
{
    /// <summary>Bytes in a selector.</summary>
    public const int Size = 4;

    /// <summary>Computes the selector of a canonical function (or error) signature.</summary>
    public static byte[] Compute(string signature)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signature);
        return Keccak256.Hash(Encoding.ASCII.GetBytes(signature))[..Size];
    }
}
