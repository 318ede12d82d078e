using DualRail.Lightning.Bolt11;
using DualRail.LndSim.Nodes;

namespace DualRail.LndSim.Invoices;

/// <summary>Writes a node's invoices as real BOLT11 payment requests (lnbcrt), signed by its identity key.</summary>
internal static class PaymentRequestFactory
{
    // The invoice features LND sets: var_onion_optin (8, required), payment_secret (14, required), basic_mpp (17, optional).
    private static readonly int[] Features = [8, 14, 17];

    public static string Encode(InvoiceDraft draft, byte[] paymentAddr, long creationDate, NodeIdentity signer)
    {
        var encoder = new Bolt11Encoder(Bolt11Network.Regtest, DateTimeOffset.FromUnixTimeSeconds(creationDate))
            .WithAmountMsat(draft.ValueMsat > 0 ? draft.ValueMsat : null)
            .AddPaymentHash(draft.Hash)
            .AddPaymentSecret(paymentAddr);
        encoder = draft.DescriptionHash.Length > 0
            ? encoder.AddDescriptionHash(draft.DescriptionHash)
            : encoder.AddDescription(draft.Memo);
        return encoder
            .AddExpiry(draft.Expiry)
            .AddMinFinalCltvExpiryDelta((long)draft.CltvExpiry)
            .AddFeatures(Features)
            .Sign(signer.PrivateKey);
    }
}
