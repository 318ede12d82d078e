using BenchmarkDotNet.Attributes;
using DualRail.Crypto;
using DualRail.Lightning.Bolt11;

namespace DualRail.Benchmarks.Lightning;

/// <summary>
/// Decoding a signed regtest BOLT11 invoice like the ones LND mints: <see cref="Decode"/> recovers the payee key from
/// the signature; <see cref="DecodeFromOwnNode"/> is what the Lightning rail does with its own node's AddInvoice answers
/// once it knows the node's key (no signature work).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class Bolt11DecodeBenchmarks
{
    private static readonly byte[] NodeKey = Hex.Decode("e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734");

    private string invoice = "";
    private byte[] nodePublicKey = [];

    [GlobalSetup]
    public void Setup()
    {
        invoice = new Bolt11Encoder(Bolt11Network.Regtest, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000))
                .WithAmountMsat(10_000)
                .AddPaymentHash(Keccak256.Hash("hash"u8))
                .AddPaymentSecret(Keccak256.Hash("secret"u8))
                .AddDescription("bench lightning")
                .AddExpiry(300)
                .AddMinFinalCltvExpiryDelta(80)
                .Sign(NodeKey);
        nodePublicKey = Secp256k1.GetPublicKey(NodeKey);
    }

    [Benchmark]
    public Bolt11Invoice Decode() => Bolt11Decoder.Decode(invoice, Bolt11Network.Regtest);

    [Benchmark]
    public Bolt11Invoice DecodeFromOwnNode() => Bolt11Decoder.DecodeFromOwnNode(invoice, Bolt11Network.Regtest, nodePublicKey);
}
