using System.Text;
using System.Text.Json;
using DualRail.AspNetCore.Middleware;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DualRail.AspNetCore.Tests;

public sealed class BufferedResponseBodyTests
{
    [Fact]
    public async Task AJsonResultSerializedThroughThePipeWriterIsBufferedWhole()
    {
        var items = Enumerable.Range(0, 20_000).Select(i => new { Index = i, Text = "item " + i }).ToArray(); // several flushes' worth
        var (context, sink, original) = Context();
        await using var buffer = new BufferedResponseBody(1 << 24);
        context.Features.Set<IHttpResponseBodyFeature>(buffer);

        await Results.Json(items).ExecuteAsync(context);
        Assert.Equal(0, sink.Length); // nothing reaches the client before the copy

        await buffer.CopyToAsync(original, CancellationToken.None);
        using var written = JsonDocument.Parse(sink.ToArray());
        Assert.Equal(items.Length, written.RootElement.GetArrayLength());
        Assert.Equal("item 19999", written.RootElement[19_999].GetProperty("text").GetString());
    }

    [Fact]
    public async Task WritingPastTheCapThroughEitherWayFails()
    {
        await using var buffer = new BufferedResponseBody(10);
        await buffer.Stream.WriteAsync(Encoding.ASCII.GetBytes("0123456"));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await buffer.Writer.WriteAsync(Encoding.ASCII.GetBytes("7890")));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await buffer.Stream.WriteAsync(Encoding.ASCII.GetBytes("7890")));

        Assert.True(buffer.Writer.GetMemory(4096).Length >= 4096); // asking for room is not writing
        Assert.Throws<InvalidOperationException>(() => buffer.Writer.Advance(4));
        await buffer.Writer.WriteAsync(Encoding.ASCII.GetBytes("789"));
        var (_, sink, original) = Context();
        await buffer.CopyToAsync(original, CancellationToken.None);
        Assert.Equal("0123456789", Encoding.ASCII.GetString(sink.ToArray()));
    }

    private static (DefaultHttpContext Context, MemoryStream Sink, IHttpResponseBodyFeature Original) Context()
    {
        var sink = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        return (context, sink, new StreamResponseBodyFeature(sink));
    }
}
