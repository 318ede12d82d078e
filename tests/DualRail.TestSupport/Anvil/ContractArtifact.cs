using System.Text.Json;

namespace DualRail.TestSupport;

/// <summary>A compiled contract committed under regtest/contracts/out (written by regtest/contracts/build.mjs).</summary>
public sealed class ContractArtifact
{
    private readonly IReadOnlyDictionary<string, string> _methodIdentifiers;

    private ContractArtifact(string name, string bytecode, string deployedBytecode, IReadOnlyDictionary<string, string> methodIdentifiers)
    {
        Name = name;
        Bytecode = bytecode;
        DeployedBytecode = deployedBytecode;
        _methodIdentifiers = methodIdentifiers;
    }

    public static ContractArtifact Token { get; } = Load("DualRailToken");

    public static ContractArtifact TestWallet { get; } = Load("DualRailTestWallet");

    public string Name { get; }

    /// <summary>Creation code (0x hex), without constructor arguments.</summary>
    public string Bytecode { get; }

    /// <summary>Runtime code as compiled: immutables are still zero placeholders here.</summary>
    public string DeployedBytecode { get; }

    public static string PathOf(string contractName) => RepoRoot.Combine("regtest", "contracts", "out", contractName + ".json");

    public static ContractArtifact Load(string contractName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(contractName)));
        var root = document.RootElement;
        var identifiers = root.GetProperty("methodIdentifiers").EnumerateObject()
            .ToDictionary(p => p.Name, p => "0x" + p.Value.GetString(), StringComparer.Ordinal);
        return new ContractArtifact(
            contractName,
            root.GetProperty("bytecode").GetString()!,
            root.GetProperty("deployedBytecode").GetString()!,
            identifiers);
    }

    /// <summary>The 4-byte selector (0x hex) of a function signature such as "mint(address,uint256)".</summary>
    public string Selector(string signature) =>
        _methodIdentifiers.TryGetValue(signature, out var selector)
            ? selector
            : throw new ArgumentException($"{Name} has no function {signature}.", nameof(signature));
}
