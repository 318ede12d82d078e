using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using DualRail.Crypto;
using DualRail.Evm;
using DualRail.Evm.Eip3009;
using DualRail.Evm.Eip712;

namespace DualRail.Benchmarks.Crypto;

/// <summary>
/// secp256k1 and the EIP-3009 hot path on both backends: libsecp256k1 (when installed) and
/// BouncyCastle (forced with DUALRAIL_SECP256K1_NATIVE=0). Target: public-key recovery ≤ 60 µs.
/// Run: dotnet run -c Release --project bench/DualRail.Benchmarks -- --filter '*Secp256k1*'
/// </summary>
[Config(typeof(BackendsConfig))]
[MemoryDiagnoser]
public class Secp256k1Benchmarks
{
    private static readonly byte[] PrivateKey = Hex.Decode("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static readonly Eip712Domain Domain = Eip712Domain.ForToken("USDC", "2", 84532, EvmAddress.Parse("0x036CbD53842c5426634e7929541eC2318f3dCF7e"));

    private readonly byte[] hash = Keccak256.Hash("benchmark"u8);
    private byte[] compact = [];
    private int recoveryId;
    private byte[] publicKey = [];
    private TransferWithAuthorization authorization = null!;
    private EthSignature authorizationSignature = null!;

    [GlobalSetup]
    public void Setup()
    {
        var signature = Secp256k1.Sign(hash, PrivateKey);
        compact = signature.ToCompact();
        recoveryId = signature.RecoveryId;
        publicKey = Secp256k1.GetPublicKey(PrivateKey);
        authorization = new TransferWithAuthorization(
            EvmAddress.FromPrivateKey(PrivateKey),
            EvmAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
            10_000,
            0,
            1_900_000_000,
            Keccak256.Hash("nonce"u8));
        authorizationSignature = authorization.Sign(Domain, PrivateKey);
    }

    [Benchmark]
    public byte[]? RecoverPublicKey() => Secp256k1.RecoverPublicKey(hash, compact, recoveryId);

    [Benchmark]
    public RecoverableSignature Sign() => Secp256k1.Sign(hash, PrivateKey);

    [Benchmark]
    public bool Verify() => Secp256k1.Verify(hash, compact, publicKey);

    [Benchmark]
    public byte[] GetPublicKey() => Secp256k1.GetPublicKey(PrivateKey);

    [Benchmark]
    public byte[] Keccak() => Keccak256.Hash(hash);

    /// <summary>What a facilitator or the EVM rail does per payment: digest + recover + compare.</summary>
    [Benchmark]
    public bool RecoverTransferWithAuthorizationSigner() =>
        authorization.RecoverSigner(Domain, authorizationSignature) == authorization.From;

    private sealed class BackendsConfig : ManualConfig
    {
        public BackendsConfig()
        {
            AddJob(Job.ShortRun.WithId("libsecp256k1-or-default"));
            AddJob(Job.ShortRun.WithEnvironmentVariable(Secp256k1.NativeSwitchVariable, "0").WithId("BouncyCastle"));

            // Each job builds its own copy of the project; on a busy machine that takes longer than the default 2 minutes.
            WithBuildTimeout(TimeSpan.FromMinutes(10));
        }
    }
}
