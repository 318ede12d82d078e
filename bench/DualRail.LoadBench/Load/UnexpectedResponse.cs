using System.Text;
using System.Text.Json.Nodes;

namespace DualRail.LoadBench.Load;

/// <summary>Reads the "# first unexpected response" lines of paid.lua: the status and the decoded PAYMENT-REQUIRED error.</summary>
internal static class UnexpectedResponse
{
    private const string Marker = "# first unexpected response: ";

    public static string Describe(string wrkOutput)
    {
        var reasons = new List<string>();
        foreach (var line in wrkOutput.Split('\n').Where(l => l.StartsWith(Marker, StringComparison.Ordinal)))
        {
            var text = line[Marker.Length..];
            var status = text.Split(' ')[0];
            var required = text.Contains("payment-required=", StringComparison.Ordinal) ? text[(text.LastIndexOf("payment-required=", StringComparison.Ordinal) + 17)..].Trim() : "";
            reasons.Add($"{status} {ErrorOf(required) ?? text.Split(" payment-required=")[0][status.Length..].Trim()}");
        }
        return string.Join("; ", reasons.Distinct());
    }

    private static string? ErrorOf(string base64)
    {
        if (base64.Length == 0)
            return null;
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)))?["error"]?.ToString();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
