namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>tests/interop/server.mjs: express + @x402/express paymentMiddleware with one priced route (GET /paid).</summary>
public static class ReferenceResourceServer
{
    public const string DefaultPrice = "$0.01";

    /// <summary>The atomic amount (USDC, 6 decimals) the reference server asks for <see cref="DefaultPrice"/>.</summary>
    public const long DefaultAmount = 10_000;

    /// <summary>Starts it against <paramref name="facilitatorUrl"/>; the URL of the paid route is <c>Ready["resource"]</c>.</summary>
    public static Task<NodeScript> StartAsync(string facilitatorUrl, string payTo, string price = DefaultPrice) =>
        NodeScript.StartAsync(
            InteropScripts.Server,
            ["--facilitator", facilitatorUrl, "--pay-to", payTo, "--price", price, "--port", "0"]);

    public static string ResourceUrl(this NodeScript server) =>
        server.Ready["resource"]?.GetValue<string>() ?? throw new InvalidOperationException("The server did not report its resource URL.");
}
