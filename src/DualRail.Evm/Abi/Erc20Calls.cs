using System.Numerics;

namespace DualRail.Evm.Abi;

/// <summary>Calldata and result decoding for the ERC-20 views a facilitator reads.</summary>
public static class Erc20Calls
{
    /// <summary>balanceOf(address) = 0x70a08231.</summary>
    public static readonly byte[] BalanceOfSelector = FunctionSelector.Compute("balanceOf(address)");

    /// <summary>name() = 0x06fdde03.</summary>
    public static readonly byte[] NameSelector = FunctionSelector.Compute("name()");

    /// <summary>version() = 0x54fd4d50 (EIP-712 version of USDC-like tokens).</summary>
    public static readonly byte[] VersionSelector = FunctionSelector.Compute("version()");

    /// <summary>decimals() = 0x313ce567.</summary>
    public static readonly byte[] DecimalsSelector = FunctionSelector.Compute("decimals()");

    /// <summary>DOMAIN_SEPARATOR() = 0x3644e515.</summary>
    public static readonly byte[] DomainSeparatorSelector = FunctionSelector.Compute("DOMAIN_SEPARATOR()");

    /// <summary>transfer(address,uint256) = 0xa9059cbb.</summary>
    public static readonly byte[] TransferSelector = FunctionSelector.Compute("transfer(address,uint256)");

    /// <summary>Calldata for balanceOf(owner).</summary>
    public static byte[] BalanceOf(EvmAddress owner) => new AbiEncoder().Address(owner).EncodeCall(BalanceOfSelector);

    /// <summary>Calldata for name().</summary>
    public static byte[] Name() => [.. NameSelector];

    /// <summary>Calldata for version().</summary>
    public static byte[] Version() => [.. VersionSelector];

    /// <summary>Calldata for decimals().</summary>
    public static byte[] Decimals() => [.. DecimalsSelector];

    /// <summary>Calldata for DOMAIN_SEPARATOR().</summary>
    public static byte[] DomainSeparator() => [.. DomainSeparatorSelector];

    /// <summary>Calldata for transfer(to, amount).</summary>
    public static byte[] Transfer(EvmAddress to, BigInteger amount) =>
        new AbiEncoder().Address(to).UInt256(amount).EncodeCall(TransferSelector);

    /// <summary>Decodes a single uint256 result (balanceOf, decimals, totalSupply).</summary>
    /// <exception cref="FormatException">Empty or short data (e.g. a call to an address without code).</exception>
    public static BigInteger DecodeUInt256(ReadOnlySpan<byte> result) => new AbiDecoder(result.ToArray()).UInt256(0);

    /// <summary>Decodes a single string result (name, version, symbol).</summary>
    /// <exception cref="FormatException">Malformed data.</exception>
    public static string DecodeString(ReadOnlySpan<byte> result) => new AbiDecoder(result.ToArray()).String(0);

    /// <summary>Decodes a single bytes32 result (DOMAIN_SEPARATOR).</summary>
    /// <exception cref="FormatException">Short data.</exception>
    public static byte[] DecodeBytes32(ReadOnlySpan<byte> result) => new AbiDecoder(result.ToArray()).Bytes32(0);
}
