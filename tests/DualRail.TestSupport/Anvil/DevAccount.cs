namespace DualRail.TestSupport;

/// <summary>One of Anvil's well-known, publicly known dev accounts (mnemonic "test test ... junk").</summary>
public sealed record DevAccount(int Index, string Address, string PrivateKey);
