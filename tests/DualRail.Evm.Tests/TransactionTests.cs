using System.Numerics;
using DualRail.Crypto;
using DualRail.Evm.Rlp;
using DualRail.Evm.Transactions;

namespace DualRail.Evm.Tests;

/// <summary>The EIP-155 example and the type-2 transaction Anvil accepted (reference/evm.md §5).</summary>
public sealed class TransactionTests
{
    private static readonly LegacyTransaction Eip155Example = new()
    {
        ChainId = 1,
        Nonce = 9,
        GasPrice = 20_000_000_000,
        GasLimit = 21000,
        To = EvmAddress.Parse("0x3535353535353535353535353535353535353535"),
        Value = BigInteger.Parse("1000000000000000000"),
    };

    private static readonly Eip1559Transaction AnvilTransfer = new()
    {
        ChainId = 31337,
        Nonce = 0,
        MaxPriorityFeePerGas = 1_000_000_000,
        MaxFeePerGas = 3_000_000_000,
        GasLimit = 21000,
        To = EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
        Value = 12345,
    };

    [Fact]
    public void Eip155_example_signing_hash()
    {
        var signingData = Hex.Decode("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080");

        Assert.Equal("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Hex.Encode(Keccak256.Hash(signingData)));
        Assert.Equal("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Hex.Encode(Eip155Example.SigningHash()));
    }

    [Fact]
    public void Eip155_example_signed_transaction_and_hash()
    {
        var signed = Eip155Example.Sign(Enumerable.Repeat((byte)0x46, 32).ToArray());

        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            signed.RawHex);
        Assert.Equal("0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788", signed.HashHex);

        var fields = RlpDecoder.Decode(signed.Raw).Items;
        Assert.Equal(new BigInteger(37), fields[6].ToInteger());
        Assert.Equal(BigInteger.Parse("18515461264373351373200002665853028612451056578545711640558177340181847433846"), fields[7].ToInteger());
        Assert.Equal(BigInteger.Parse("46948507304638947509940763649030358759909902576025900602547168820602576006531"), fields[8].ToInteger());
    }

    [Fact]
    public void Type2_transfer_matches_what_anvil_accepted()
    {
        var signed = AnvilTransfer.Sign(Hex.Decode("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));

        Assert.Equal(
            "0x02f86e827a6980843b9aca0084b2d05e008252089470997970c51812dc3a010c7d01b50e0d17dc79c882303980c001a0c73df27784676a837d4144f00ede0c1891f801cfdd080f98431d1d5aa1a41404a07e4bb45516aeb8f740b661a79b9db0c2bd0d4e7505a17b068dc6026a14d33ab8",
            signed.RawHex);
        Assert.Equal("0xd6be53be2b9c01bccd672a74d93776026b5e6cbf97cde6b6d2d9d07d872d6e70", signed.HashHex);
    }

    [Fact]
    public void Type2_signature_recovers_the_sender_from_the_envelope()
    {
        var key = Hex.Decode("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        var transaction = AnvilTransfer with
        {
            To = null,
            Data = [0x60, 0x00],
            AccessList = [new AccessListEntry(EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), [new byte[32]])],
        };

        var signed = transaction.Sign(key);

        Assert.Equal(Eip1559Transaction.TransactionType, signed.Raw[0]);
        var fields = RlpDecoder.Decode(signed.Raw.AsSpan(1)).Items;
        Assert.Equal(12, fields.Count);
        Assert.Empty(fields[5].Bytes);
        Assert.Single(fields[8].Items);
        var r = fields[10].Bytes;
        var s = fields[11].Bytes;
        byte[] compact = [.. new byte[32 - r.Length], .. r, .. new byte[32 - s.Length], .. s];
        var publicKey = Secp256k1.RecoverPublicKey(transaction.SigningHash(), compact, (int)fields[9].ToInteger(), compressed: false)!;
        Assert.Equal(EvmAddress.FromPrivateKey(key), EvmAddress.FromPublicKey(publicKey));
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnvilTransfer.WithSignature(2, new byte[32], new byte[32]));
        Assert.Throws<ArgumentException>(() => AnvilTransfer.Sign(new byte[32]));
        Assert.Throws<ArgumentOutOfRangeException>(() => (AnvilTransfer with { Value = -1 }).SigningHash());
        Assert.Throws<ArgumentException>(() => (AnvilTransfer with { AccessList = [new AccessListEntry(EvmAddress.Zero, [new byte[31]])] }).SigningHash());
    }
}
