using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using DualRail.Protocol;

namespace DualRail.Evm.Facilitators;

/// <summary>Strict parsing of facilitator answers: anything that is not the expected object is malformed.</summary>
internal static class FacilitatorJson
{
    public static bool TryParse<T>(byte[] body, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error)
        where T : class
    {
        value = null;
        if (body.Length == 0)
        {
            error = "empty body";
            return false;
        }

        try
        {
            value = X402Json.Deserialize<T>(body);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            error = ex.Message;
            return false;
        }

        if (value is null)
        {
            error = "null body";
            return false;
        }

        error = null;
        return true;
    }
}
