using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DualRail.AspNetCore.Middleware;

/// <summary>
/// Holds a paid handler's response body in a pooled buffer until the payment is settled (or the body is
/// discarded). Nothing reaches the client before that: starting the response is a no-op here. The
/// stream and the pipe writer write straight into the buffer (no copy through an adapter).
/// </summary>
internal sealed class BufferedResponseBody(long maxBytes) : IHttpResponseBodyFeature, IAsyncDisposable
{
    private readonly CappedBuffer _buffer = new(maxBytes);
    private BufferStream? _stream;
    private BufferPipeWriter? _writer;

    public Stream Stream => _stream ??= new BufferStream(_buffer);

    public PipeWriter Writer => _writer ??= new BufferPipeWriter(_buffer);

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

    public Task CompleteAsync() => Task.CompletedTask;

    /// <summary>Writes everything buffered to the real response body.</summary>
    public async Task CopyToAsync(IHttpResponseBodyFeature destination, CancellationToken cancellationToken)
    {
        if (_buffer.Length > 0)
            await destination.Stream.WriteAsync(_buffer.WrittenMemory, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _buffer.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A write-only stream over the buffer.</summary>
    private sealed class BufferStream(CappedBuffer buffer) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => buffer.Length;

        public override long Position
        {
            get => buffer.Length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] data, int offset, int count) => buffer.Write(data.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data) => buffer.Write(data);

        public override Task WriteAsync(byte[] data, int offset, int count, CancellationToken cancellationToken)
        {
            buffer.Write(data.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            buffer.Write(data.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] data, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>A pipe writer whose memory is the buffer itself; flushing has nothing to do.</summary>
    private sealed class BufferPipeWriter(CappedBuffer buffer) : PipeWriter
    {
        private long _unflushed;

        // System.Text.Json's pipe serializer asks how much it wrote since the last flush.
        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _unflushed;

        public override void Advance(int bytes)
        {
            buffer.Advance(bytes);
            _unflushed += bytes;
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => buffer.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => buffer.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            _unflushed = 0;
            return new(new FlushResult(isCanceled: false, isCompleted: false));
        }

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            buffer.Write(source.Span);
            return FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }
    }
}
