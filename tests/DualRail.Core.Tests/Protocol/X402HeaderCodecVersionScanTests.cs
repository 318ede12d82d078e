using System.Text;
using DualRail.Protocol;

namespace DualRail.Core.Tests.Protocol;

/// <summary>The version is read by one scan over the decoded JSON, which must still refuse anything that is not one JSON object.</summary>
public sealed class X402HeaderCodecVersionScanTests
{
    private const string Valid = """{"x402Version":1,"scheme":"exact","network":"base-sepolia","payload":{"nested":{"x402Version":9}}}""";

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData(Valid + "x", "invalid_payload")] // trailing garbage after the object
    [InlineData(Valid + "{}", "invalid_payload")] // a second value
    [InlineData("""{"x402Version":2,"x402Version":"2","scheme":"exact","network":"base","payload":{}}""", "invalid_payload")] // the last one is a string
    [InlineData("""{"scheme":"exact","network":"base","payload":{"x402Version":1}}""", "invalid_payload")] // only a nested version
    [InlineData("""{"x402Version":1.5,"scheme":"exact","network":"base","payload":{}}""", "invalid_payload")]
    [InlineData("""{"x402Version":1,"scheme":"exact","network":"base","payload":{}""", "invalid_payload")] // unterminated
    public void RefusesWhatIsNotOneObjectWithATopLevelIntegerVersion(string json, string expected)
    {
        Assert.False(X402HeaderCodec.TryDecodePaymentPayload(B64(json), out var payload, out var reason));
        Assert.Null(payload);
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void ANestedVersionIsNotTheVersionAndSurroundingWhitespaceIsIgnored()
    {
        Assert.True(X402HeaderCodec.TryDecodePaymentPayload("  " + B64(Valid + "\n") + " ", out var payload, out var reason), reason);
        Assert.Equal(1, payload!.X402Version);
        Assert.Equal(9, payload.Payload["nested"]!["x402Version"]!.GetValue<int>());
    }
}
