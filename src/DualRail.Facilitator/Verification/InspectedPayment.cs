using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Http;
using DualRail.Facilitator.Settlement;

namespace DualRail.Facilitator.Verification;

/// <summary>A request that passed the checks needing no chain access, with its EIP-712 digest.</summary>
internal sealed record InspectedPayment(
    FacilitatorCall Call,
    ChainContext Chain,
    ExactEvmAuthorization Authorization,
    string Asset,
    string TokenName,
    string TokenVersion,
    System.Numerics.BigInteger Amount,
    byte[] Digest,
    byte[] SettlementSignature)
{
    /// <summary>The payer as an EIP-55 checksummed address.</summary>
    public required string Payer { get; init; }

    public string Key => SettlementRecord.KeyOf(Chain.ChainId, Asset, Authorization.From, Authorization.NonceHex);

    public string DigestHex => "0x" + Convert.ToHexStringLower(Digest);
}
