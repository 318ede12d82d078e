using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DualRail.AspNetCore.Middleware;

/// <summary>
/// Holds a paid handler's response body in memory until the payment is settled (or the body is
/// discarded). Nothing reaches the client before that: starting the response is a no-op here.
/// </summary>
internal sealed class BufferedResponseBody : IHttpResponseBodyFeature, IAsyncDisposable
{
    private readonly CappedBufferStream _buffer;
    private PipeWriter? _writer;

    public BufferedResponseBody(long maxBytes) => _buffer = new CappedBufferStream(maxBytes);

    public Stream Stream => _buffer;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(_buffer, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(_buffer, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        if (_writer is not null)
            await _writer.FlushAsync();
    }

    /// <summary>Writes everything buffered to the real response body.</summary>
    public async Task CopyToAsync(IHttpResponseBodyFeature destination, CancellationToken cancellationToken)
    {
        await CompleteAsync();
        if (_buffer.Length > 0)
            await destination.Stream.WriteAsync(_buffer.WrittenMemory, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
            await _writer.CompleteAsync();
        await _buffer.DisposeAsync();
    }

    /// <summary>A write-only memory stream that refuses to grow past its cap.</summary>
    private sealed class CappedBufferStream(long maxBytes) : Stream
    {
        private readonly MemoryStream _inner = new();

        public ReadOnlyMemory<byte> WrittenMemory => _inner.GetBuffer().AsMemory(0, (int)_inner.Length);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_inner.Length + buffer.Length > maxBytes)
                throw new InvalidOperationException($"The paid response is larger than DualRail:MaxBufferedResponseBytes ({maxBytes} bytes); nothing was charged.");
            _inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
