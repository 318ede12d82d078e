using System.Numerics;

namespace DualRail.Client.Evm;

/// <summary>The EIP-3009 <c>TransferWithAuthorization</c> message a payer signs.</summary>
internal sealed record TransferAuthorization(
    string From,
    string To,
    BigInteger Value,
    long ValidAfter,
    long ValidBefore,
    byte[] Nonce);
