using System.Net;
using DualRail.AspNetCore.Tests.Infrastructure;
using DualRail.Protocol;

namespace DualRail.AspNetCore.Tests;

/// <summary>The paid response is held in memory until it is charged, up to DualRail:MaxBufferedResponseBytes.</summary>
public sealed class BufferedResponseTests : IAsyncLifetime
{
    private const int Cap = 100_000;
    private PaidServer _server = null!;

    public async Task InitializeAsync() => _server = await PaidServer.StartAsync(settings: new Dictionary<string, string?>
    {
        ["DualRail:MaxBufferedResponseBytes"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(50_001)]
    [InlineData(Cap)]
    public async Task AResponseWithinTheCapArrivesWholeAndInOrder(int bytes)
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, $"/api/big?bytes={bytes}");
        using var response = await X402TestClient.PaidGetAsync(_server.Client, $"/api/big?bytes={bytes}", X402TestClient.Pay(terms.Accepts[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(new string('a', bytes / 2) + new string('b', bytes - bytes / 2), body);
        Assert.True(response.Headers.Contains(X402Headers.PaymentResponse));
    }

    [Fact]
    public async Task AResponseOverTheCapChargesNothingAndReleasesThePayment()
    {
        var path = $"/api/big?bytes={Cap + 1}";
        var terms = await X402TestClient.GetTermsAsync(_server.Client, path);
        using var response = await X402TestClient.PaidGetAsync(_server.Client, path, X402TestClient.Pay(terms.Accepts[0], "too-big"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(response.Headers.Contains(X402Headers.PaymentResponse));
        Assert.Null(await LedgerRows.ReservationAsync(_server.LedgerPath, "fake:too-big"));
        Assert.Null(await LedgerRows.ReceiptAsync(_server.LedgerPath, "fake:too-big"));
    }
}
