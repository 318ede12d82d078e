using DualRail.Crypto.Secp256k1Backends;

namespace DualRail.Crypto.Tests;

/// <summary>The secp256k1 implementations available on this machine, for theories that run on each.</summary>
internal static class Backends
{
    public static readonly NativeSecp256k1? Native = NativeSecp256k1.TryLoad(out NativeFailure);

    public static readonly string? NativeFailure;

    public static ISecp256k1Backend Get(string name) => name switch
    {
        "BouncyCastle" => BouncyCastleSecp256k1.Instance,
        "libsecp256k1" => Native ?? throw new InvalidOperationException("libsecp256k1 is not loadable here."),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>BouncyCastle always, libsecp256k1 when it can be loaded.</summary>
    public static IReadOnlyList<string> AvailableNames() =>
        Native is null ? ["BouncyCastle"] : ["BouncyCastle", "libsecp256k1"];

    public static TheoryData<string> Available() => new(AvailableNames());
}

/// <summary>A fact that is skipped, with the loader's reason, when libsecp256k1 cannot be loaded.</summary>
public sealed class NativeSecp256k1FactAttribute : FactAttribute
{
    public NativeSecp256k1FactAttribute()
    {
        if (Backends.Native is null)
        {
            Skip = $"libsecp256k1 with the recovery module is not installed ({Backends.NativeFailure}); scripts/test.sh installs it.";
        }
    }
}
