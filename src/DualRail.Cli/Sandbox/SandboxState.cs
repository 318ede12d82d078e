using System.Text.Json;

namespace DualRail.Cli.Sandbox;

/// <summary>
/// <c>.sandbox/state.json</c>: what a running sandbox serves and how to pay it, for other tools.
/// Members as the issue lists them; nothing else.
/// </summary>
internal sealed record SandboxState
{
    public required string ServerUrl { get; init; }

    public required SandboxEvmState Evm { get; init; }

    public required SandboxLightningState Lightning { get; init; }

    public static string DefaultPath => Path.Combine(Environment.CurrentDirectory, ".sandbox", "state.json");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static SandboxState Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No sandbox state at {path}: start one with `dualrail sandbox` (or pass --state).", path);
        return JsonSerializer.Deserialize<SandboxState>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }
}

internal sealed record SandboxEvmState
{
    public required string RpcUrl { get; init; }

    public required long ChainId { get; init; }

    public required string Network { get; init; }

    public required string Token { get; init; }

    public required string PayTo { get; init; }

    public required string PayerAddress { get; init; }

    public required string PayerPrivateKey { get; init; }

    public required string FacilitatorUrl { get; init; }
}

internal sealed record SandboxLightningState
{
    public required string Network { get; init; }

    public required SandboxLndNode Merchant { get; init; }

    public required SandboxLndNode Payer { get; init; }
}

internal sealed record SandboxLndNode
{
    /// <summary>https URL of the node's gRPC.</summary>
    public required string Endpoint { get; init; }

    public required string TlsCertPath { get; init; }

    public required string MacaroonPath { get; init; }
}
