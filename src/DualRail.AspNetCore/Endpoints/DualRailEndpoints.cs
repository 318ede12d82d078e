using System.Diagnostics.CodeAnalysis;
using DualRail.AspNetCore.Configuration;
using DualRail.Ledger;
using DualRail.Protocol;
using DualRail.Rails;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DualRail.AspNetCore.Endpoints;

/// <summary>
/// The two endpoints DualRail answers itself, whatever the app's routing: <c>GET /x402/receipts/{id}</c>
/// and <c>GET /x402/health</c> (paths configurable).
/// </summary>
internal sealed class DualRailEndpoints(IPaymentLedger ledger, IEnumerable<IPaymentRail> rails, IOptions<DualRailOptions> options)
{
    private readonly IPaymentRail[] _rails = rails.ToArray();
    private readonly PathString _receipts = options.Value.ReceiptsPath;
    private readonly PathString _health = options.Value.HealthPath;

    public bool TryHandle(HttpContext context, [NotNullWhen(true)] out Task? handled)
    {
        handled = null;
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            return false;
        if (request.Path.StartsWithSegments(_receipts, out var rest) && rest.HasValue && rest.Value!.LastIndexOf('/') == 0)
        {
            handled = ReceiptAsync(context, rest.Value[1..]);
            return true;
        }
        if (request.Path.Equals(_health))
        {
            handled = HealthAsync(context);
            return true;
        }
        return false;
    }

    private async Task ReceiptAsync(HttpContext context, string id)
    {
        var receipt = IsReceiptId(id) ? await ledger.GetReceiptAsync(id, context.RequestAborted) : null;
        context.Response.Headers.CacheControl = "no-store";
        if (receipt is null)
        {
            await WriteJsonAsync(context, StatusCodes.Status404NotFound, new NotFoundView("receipt_not_found", id));
            return;
        }
        await WriteJsonAsync(context, StatusCodes.Status200OK, new ReceiptView(
            receipt.Id,
            receipt.Status.ToString().ToLowerInvariant(),
            receipt.Rail,
            receipt.Network,
            string.IsNullOrEmpty(receipt.Transaction) ? null : receipt.Transaction,
            receipt.Payer,
            receipt.ErrorReason,
            receipt.CreatedAt,
            receipt.SettledAt));
    }

    private async Task HealthAsync(HttpContext context)
    {
        var views = _rails.Select(r => new RailView(r.Name, r.IsAvailable)).ToArray();
        var available = views.Count(v => v.Available);
        var status = available == 0 ? "unavailable" : available == views.Length ? "ok" : "degraded";
        context.Response.Headers.CacheControl = "no-store";
        await WriteJsonAsync(context, available == 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK, new HealthView(status, views));
    }

    private static async Task WriteJsonAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (!HttpMethods.IsHead(context.Request.Method))
            await context.Response.Body.WriteAsync(X402Json.SerializeToUtf8Bytes(value), context.RequestAborted);
    }

    private static bool IsReceiptId(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);

    private sealed record ReceiptView(string Id, string Status, string Rail, string Network, string? Transaction, string? Payer,
        string? ErrorReason, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt);

    private sealed record NotFoundView(string Error, string Id);

    private sealed record RailView(string Name, bool Available);

    private sealed record HealthView(string Status, IReadOnlyList<RailView> Rails);
}
