using BenchmarkDotNet.Attributes;
using DualRail.Crypto;
using DualRail.Evm;
using DualRail.Evm.Eip3009;
using DualRail.Evm.Eip712;

namespace DualRail.Benchmarks.Evm;

/// <summary>The EIP-712 digest of an EIP-3009 TransferWithAuthorization (what is signed and recovered per payment).</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class Eip712DigestBenchmarks
{
    private static readonly Eip712Domain Domain = Eip712Domain.ForToken("USDC", "2", 84532, EvmAddress.Parse("0x036CbD53842c5426634e7929541eC2318f3dCF7e"));

    private readonly TransferWithAuthorization authorization = new(
        EvmAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
        EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
        10_000,
        0,
        1_900_000_000,
        Keccak256.Hash("nonce"u8));

    [Benchmark]
    public byte[] TransferWithAuthorizationDigest() => authorization.Digest(Domain);
}
