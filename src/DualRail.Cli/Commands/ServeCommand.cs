using System.CommandLine;
using DualRail.Cli.Serve;
using DualRail.Rails;

namespace DualRail.Cli.Commands;

/// <summary><c>dualrail serve</c>: runs the payment server on its embedded defaults plus configuration.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = "TCP port (default: DualRail:Serve:Port, 0 = a free port)." };
        var host = new Option<string?>("--host") { Description = "Address to bind (default 127.0.0.1)." };
        var ledger = new Option<string?>("--ledger") { Description = "SQLite ledger file (default DualRail:Ledger:Path, dualrail.db)." };
        var config = new Option<FileInfo?>("--config") { Description = "An extra JSON configuration file." };

        var command = new Command("serve", "Run the x402 server: priced routes answer 402 with every configured rail's terms.")
        {
            port, host, ledger, config,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new ServeSettings
            {
                Port = parse.GetValue(port),
                Host = parse.GetValue(host),
                LedgerPath = parse.GetValue(ledger),
                ConfigFile = parse.GetValue(config),
            };
            await using var app = ServeApplication.Build(settings);
            await app.StartAsync(cancellationToken);
            var rails = app.Services.GetServices<IPaymentRail>().Select(r => r.Name).ToArray();
            Console.WriteLine($"DualRail listening on {string.Join(", ", app.Urls)} (rails: {(rails.Length == 0 ? "none, every priced route answers 402" : string.Join(", ", rails))}).");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
