using System.Net;
using System.Text;

namespace DualRail.Evm.Tests.Facilitators;

/// <summary>A body sent without Content-Length (as with chunked transfer encoding).</summary>
internal sealed class UnknownLengthContent(string text) : HttpContent
{
    private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
