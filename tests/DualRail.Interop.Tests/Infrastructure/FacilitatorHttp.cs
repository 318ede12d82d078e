using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DualRail.Interop.Tests.Infrastructure;

/// <summary>Raw calls to a facilitator's HTTP API, to compare answers field by field.</summary>
public static class FacilitatorHttp
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>POSTs <paramref name="body"/> and returns the JSON answer (any status; the status is added as "_status").</summary>
    public static async Task<JsonObject> PostAsync(string url, JsonObject body)
    {
        using var response = await Http.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} with non-object JSON: {text}");
        json["_status"] = (int)response.StatusCode;
        return json;
    }

    public static async Task<JsonObject> GetAsync(string url)
    {
        var text = await Http.GetStringAsync(url);
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"{url} answered non-object JSON: {text}");
    }
}
