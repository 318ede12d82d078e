namespace DualRail.Cli.Serve;

/// <summary>What <c>dualrail serve</c> was asked on its command line (each overrides configuration).</summary>
internal sealed record ServeSettings
{
    public int? Port { get; init; }

    public string? Host { get; init; }

    public string? LedgerPath { get; init; }

    /// <summary>An extra JSON configuration file, above appsettings.json and below the environment.</summary>
    public FileInfo? ConfigFile { get; init; }
}
