using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualRail.Protocol;

/// <summary>How a v2 <c>accepted</c> is matched to what the server issued: deep JSON equality.</summary>
public static class PaymentRequirementsComparer
{
    /// <summary>True when both serialize to the same JSON tree (member order ignored, unknown members included).</summary>
    public static bool DeepEquals(PaymentRequirements? a, PaymentRequirements? b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a is null || b is null)
            return false;
        var left = JsonSerializer.SerializeToNode(a, X402Json.Options);
        var right = JsonSerializer.SerializeToNode(b, X402Json.Options);
        return JsonNode.DeepEquals(left, right);
    }
}
