using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Core;

namespace DualRail.Lightning.Tests.Wire;

/// <summary>
/// Builds the metadata that tells the echo server what to answer (a reply in LND's field names,
/// encoded by LND's real protos) and reads back what it decoded from our request.
/// </summary>
internal static class EchoCall
{
    public static Metadata Reply(object? reply = null, object? status = null, int delayMs = 0)
    {
        var metadata = new Metadata();
        if (reply is not null)
            metadata.Add("x-reply-bin", JsonSerializer.SerializeToUtf8Bytes(reply));
        if (status is not null)
            metadata.Add("x-status-bin", JsonSerializer.SerializeToUtf8Bytes(status));
        if (delayMs > 0)
            metadata.Add("x-delay-ms", delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return metadata;
    }

    /// <summary>The echo: {method, request (LND field names, bytes as hex, 64-bit ints as strings), macaroon: [...]}.</summary>
    public static JsonObject Echo(Metadata headers)
    {
        var entry = headers.Get("x-echo-bin") ?? throw new InvalidOperationException("The echo server sent no echo header.");
        return (JsonObject)JsonNode.Parse(Encoding.UTF8.GetString(entry.ValueBytes))!;
    }

    public static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static byte[] Bytes(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(seed + i)).ToArray();
}
