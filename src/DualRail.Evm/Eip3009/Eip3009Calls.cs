using DualRail.Evm.Abi;

namespace DualRail.Evm.Eip3009;

/// <summary>Calldata for the EIP-3009 functions of USDC-like tokens (FiatTokenV2_2), and their results.</summary>
public static class Eip3009Calls
{
    /// <summary>0xe3ee160e: transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32).</summary>
    public static readonly byte[] TransferWithAuthorizationVrsSelector =
        FunctionSelector.Compute("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)");

    /// <summary>0xcf092995: transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes) (EOA or ERC-1271).</summary>
    public static readonly byte[] TransferWithAuthorizationBytesSelector =
        FunctionSelector.Compute("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)");

    /// <summary>0xef55bec6: receiveWithAuthorization(…,uint8,bytes32,bytes32).</summary>
    public static readonly byte[] ReceiveWithAuthorizationVrsSelector =
        FunctionSelector.Compute("receiveWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)");

    /// <summary>0x88b7ab63: receiveWithAuthorization(…,bytes32,bytes).</summary>
    public static readonly byte[] ReceiveWithAuthorizationBytesSelector =
        FunctionSelector.Compute("receiveWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)");

    /// <summary>0x5a049a70: cancelAuthorization(address,bytes32,uint8,bytes32,bytes32).</summary>
    public static readonly byte[] CancelAuthorizationVrsSelector =
        FunctionSelector.Compute("cancelAuthorization(address,bytes32,uint8,bytes32,bytes32)");

    /// <summary>0xb7b72899: cancelAuthorization(address,bytes32,bytes).</summary>
    public static readonly byte[] CancelAuthorizationBytesSelector =
        FunctionSelector.Compute("cancelAuthorization(address,bytes32,bytes)");

    /// <summary>0xe94a0102: authorizationState(address,bytes32) → bool.</summary>
    public static readonly byte[] AuthorizationStateSelector = FunctionSelector.Compute("authorizationState(address,bytes32)");

    /// <summary>The v, r, s overload (what x402 uses for 65-byte EOA signatures).</summary>
    public static byte[] TransferWithAuthorization(TransferWithAuthorization authorization, EthSignature signature) =>
        WithVrs(authorization, signature).EncodeCall(TransferWithAuthorizationVrsSelector);

    /// <summary>The <c>bytes signature</c> overload (any length: EOA or a contract wallet's ERC-1271 signature).</summary>
    public static byte[] TransferWithAuthorization(TransferWithAuthorization authorization, ReadOnlySpan<byte> signature) =>
        Fields(authorization).Bytes(signature).EncodeCall(TransferWithAuthorizationBytesSelector);

    /// <summary>The v, r, s overload of receiveWithAuthorization (the caller must be <c>to</c>).</summary>
    public static byte[] ReceiveWithAuthorization(ReceiveWithAuthorization authorization, EthSignature signature) =>
        WithVrs(authorization, signature).EncodeCall(ReceiveWithAuthorizationVrsSelector);

    /// <summary>The <c>bytes signature</c> overload of receiveWithAuthorization.</summary>
    public static byte[] ReceiveWithAuthorization(ReceiveWithAuthorization authorization, ReadOnlySpan<byte> signature) =>
        Fields(authorization).Bytes(signature).EncodeCall(ReceiveWithAuthorizationBytesSelector);

    /// <summary>The v, r, s overload of cancelAuthorization.</summary>
    public static byte[] CancelAuthorization(CancelAuthorization cancel, EthSignature signature) =>
        new AbiEncoder().Address(cancel.Authorizer).Bytes32(cancel.Nonce)
            .UInt(signature.V, 8).Bytes32(signature.R).Bytes32(signature.S)
            .EncodeCall(CancelAuthorizationVrsSelector);

    /// <summary>The <c>bytes signature</c> overload of cancelAuthorization.</summary>
    public static byte[] CancelAuthorization(CancelAuthorization cancel, ReadOnlySpan<byte> signature) =>
        new AbiEncoder().Address(cancel.Authorizer).Bytes32(cancel.Nonce).Bytes(signature).EncodeCall(CancelAuthorizationBytesSelector);

    /// <summary>authorizationState(authorizer, nonce): true once the nonce is used or canceled.</summary>
    public static byte[] AuthorizationState(EvmAddress authorizer, ReadOnlySpan<byte> nonce32) =>
        new AbiEncoder().Address(authorizer).Bytes32(nonce32).EncodeCall(AuthorizationStateSelector);

    /// <summary>Decodes authorizationState's bool.</summary>
    /// <exception cref="FormatException">Empty or malformed data (e.g. the token has no code there).</exception>
    public static bool DecodeAuthorizationState(ReadOnlySpan<byte> result) => new AbiDecoder(result.ToArray()).Bool(0);

    private static AbiEncoder Fields(Eip3009Authorization authorization) =>
        new AbiEncoder()
            .Address(authorization.From)
            .Address(authorization.To)
            .UInt256(authorization.Value)
            .UInt256(authorization.ValidAfter)
            .UInt256(authorization.ValidBefore)
            .Bytes32(authorization.Nonce);

    private static AbiEncoder WithVrs(Eip3009Authorization authorization, EthSignature signature) =>
        Fields(authorization).UInt(signature.V, 8).Bytes32(signature.R).Bytes32(signature.S);
}
