using Microsoft.Extensions.Logging.Console;

namespace DualRail.Cli.Hosting;

internal static class QuietConsoleLogging
{
    /// <summary>
    /// Console logging at <paramref name="minimumLevel"/> and above, whatever appsettings.json says
    /// (a provider rule is more specific than the configuration's defaults), so the sandbox's terminal
    /// shows its own progress and warnings rather than every HTTP call.
    /// </summary>
    public static ILoggingBuilder QuietConsole(this ILoggingBuilder logging, LogLevel minimumLevel)
    {
        logging.ClearProviders();
        logging.AddConsole();
        logging.AddFilter<ConsoleLoggerProvider>(category: null, minimumLevel);
        return logging;
    }
}
