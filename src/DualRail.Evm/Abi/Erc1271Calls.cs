namespace DualRail.Evm.Abi;

/// <summary>ERC-1271 <c>isValidSignature(bytes32,bytes)</c> for contract wallets.</summary>
public static class Erc1271Calls
{
    /// <summary>isValidSignature(bytes32,bytes) = 0x1626ba7e, which is also the magic "valid" return value.</summary>
    public static readonly byte[] IsValidSignatureSelector = FunctionSelector.Compute("isValidSignature(bytes32,bytes)");

    /// <summary>Calldata asking a wallet whether <paramref name="signature"/> is its signature of <paramref name="hash32"/>.</summary>
    public static byte[] IsValidSignature(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature) =>
        new AbiEncoder().Bytes32(hash32).Bytes(signature).EncodeCall(IsValidSignatureSelector);

    /// <summary>
    /// True only when the result is the 32-byte word starting with the magic value 0x1626ba7e and
    /// otherwise zero (a bytes4 return); anything else, including empty data, means not valid.
    /// </summary>
    public static bool IsMagicValue(ReadOnlySpan<byte> result) =>
        result.Length >= AbiWord.Size
        && result[..4].SequenceEqual(IsValidSignatureSelector)
        && result[4..AbiWord.Size].IndexOfAnyExcept((byte)0) < 0;
}
