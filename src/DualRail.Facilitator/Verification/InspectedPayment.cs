using DualRail.Evm;
using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Http;
using DualRail.Facilitator.Settlement;

namespace DualRail.Facilitator.Verification;

/// <summary>A request that passed the checks needing no chain access, with its EIP-712 digest.</summary>
internal sealed record InspectedPayment(
    FacilitatorCall Call,
    ChainContext Chain,
    ExactEvmAuthorization Authorization,
    EvmAddress Asset,
    string TokenName,
    string TokenVersion,
    DualRail.Money.AtomicAmount Amount,
    byte[] Digest,
    byte[] SettlementSignature)
{
    /// <summary>The payer as an EIP-55 checksummed address.</summary>
    public string Payer => Authorization.From.ToString();

    public string Key => SettlementRecord.KeyOf(Chain.ChainId, Asset.ToLowerHex(), Authorization.From.ToLowerHex(), Authorization.NonceHex);

    public string DigestHex => "0x" + Convert.ToHexStringLower(Digest);
}
