using DualRail.TestSupport;

namespace DualRail.LoadBench.Stacks;

/// <summary>
/// DualRail's facilitator as its own process, <c>dualrail facilitator --urls http://127.0.0.1:PORT</c>,
/// configured through the environment as the README says, relaying with a dev account's key from a file.
/// </summary>
internal sealed class OurFacilitator : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private OurFacilitator(ChildProcess process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<OurFacilitator> StartAsync(AnvilProcess anvil, DevAccount relayer, string directory)
    {
        var keyFile = Path.Combine(directory, $"relayer-{Guid.NewGuid():N}.key");
        await File.WriteAllTextAsync(keyFile, relayer.PrivateKey);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var url = $"http://127.0.0.1:{FreePort.Get()}";
        var process = Executables.Start(Executables.DualRail, ["facilitator", "--urls", url], new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["DualRail__Facilitator__Chains__0__Network"] = anvil.Network,
            ["DualRail__Facilitator__Chains__0__RpcUrl"] = anvil.RpcUrl,
            ["DualRail__Facilitator__RelayerKeyFile"] = keyFile,
            ["DualRail__Facilitator__StorePath"] = Path.Combine(directory, $"facilitator-{Guid.NewGuid():N}.db"),
            ["DualRail__Facilitator__ReceiptPollInterval"] = "00:00:00.050",
        });
        try
        {
            await ProcessOutput.WaitForHttpAsync(process, url + "/supported");
            return new OurFacilitator(process, url);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
