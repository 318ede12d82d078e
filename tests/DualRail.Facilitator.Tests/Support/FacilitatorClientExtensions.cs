using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DualRail.Protocol;

namespace DualRail.Facilitator.Tests.Support;

internal static class FacilitatorClientExtensions
{
    public static async Task<VerifyResponse> VerifyAsync(this HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/verify", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VerifyResponse>(X402Json.Options))!;
    }

    public static async Task<SettleResponse> SettleAsync(this HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/settle", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SettleResponse>(X402Json.Options))!;
    }
}
