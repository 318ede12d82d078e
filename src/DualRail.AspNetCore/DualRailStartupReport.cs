using DualRail.AspNetCore.Routing;
using DualRail.Rails;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DualRail.AspNetCore;

/// <summary>Tells the operator at start-up what is sold and on which rails (and warns when nothing can be sold).</summary>
internal sealed partial class DualRailStartupReport(IEnumerable<IPaymentRail> rails, PricedRouteTable routes, ILogger<DualRailStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var names = rails.Select(r => r.Name).ToArray();
        if (names.Length == 0)
            Log.NoRails(logger);
        else
            Log.Rails(logger, string.Join(", ", names));
        foreach (var route in routes.Routes)
            Log.Route(logger, route.Pattern.Key, route.Price.ToString(), route.Settlement);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, EventName = "NoPaymentRails",
            Message = "No payment rail is configured: priced routes answer 402 with an empty accepts list and are never served. Configure DualRail:Evm and/or DualRail:Lightning.")]
        public static partial void NoRails(ILogger logger);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Information, EventName = "PaymentRails",
            Message = "Payment rails: {Rails}.")]
        public static partial void Rails(ILogger logger, string rails);

        [LoggerMessage(EventId = 1103, Level = LogLevel.Information, EventName = "PricedRoute",
            Message = "Priced route {Route}: {Price} ({Settlement} settlement).")]
        public static partial void Route(ILogger logger, string route, string price, SettlementMode settlement);
    }
}
