namespace DualRail.Evm.Eip712;

/// <summary>One member of an EIP-712 struct type, e.g. <c>address wallet</c>.</summary>
/// <param name="Name">The member name.</param>
/// <param name="Type">An atomic type (uint256, address, bytes32, …), <c>bytes</c>, <c>string</c>, a struct name, or an array of those (<c>T[]</c>, <c>T[n]</c>).</param>
public sealed record TypedDataField(string Name, string Type);
