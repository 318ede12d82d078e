using System.Buffers;

namespace DualRail.AspNetCore.Middleware;

/// <summary>
/// A growable byte buffer rented from the shared pool that refuses to grow past its cap; what a paid
/// handler writes is kept here until the payment is charged. Return it with <see cref="Dispose"/>.
/// </summary>
internal sealed class CappedBuffer(long maxBytes) : IBufferWriter<byte>, IDisposable
{
    private const int FirstSize = 4096;
    private byte[] _array = [];
    private int _written;

    public int Length => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _array.Length - _written)
            throw new InvalidOperationException("Advanced past the memory that was handed out.");
        ThrowIfOverCap((long)_written + count);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_written);
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
            return;
        ThrowIfOverCap((long)_written + data.Length);
        Reserve(data.Length);
        data.CopyTo(_array.AsSpan(_written));
        _written += data.Length;
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        _written = 0;
        if (array.Length > 0)
            ArrayPool<byte>.Shared.Return(array);
    }

    private void Reserve(int sizeHint)
    {
        // A size hint is not a write: only bytes actually written (Write, Advance) count against the cap.
        var needed = Math.Max(sizeHint, 1);
        if (_array.Length - _written >= needed)
            return;
        var total = (long)_written + needed;
        var size = (int)Math.Min(Math.Max(total, Math.Max((long)_array.Length * 2, FirstSize)), Math.Max(Math.Min(maxBytes, Array.MaxLength), total));
        var grown = ArrayPool<byte>.Shared.Rent(size);
        _array.AsSpan(0, _written).CopyTo(grown);
        var old = _array;
        _array = grown;
        if (old.Length > 0)
            ArrayPool<byte>.Shared.Return(old);
    }

    private void ThrowIfOverCap(long total)
    {
        if (total > maxBytes)
            throw new InvalidOperationException($"The paid response is larger than DualRail:MaxBufferedResponseBytes ({maxBytes} bytes); nothing was charged.");
    }
}
