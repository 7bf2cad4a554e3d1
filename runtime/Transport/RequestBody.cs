using System;
using System.Buffers;
using System.Text.Json;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Transport;

/// <summary>
/// A call's JSON body in a buffer rented from the shared pool, kept for the whole call (retries and redirects send
/// it again) and returned when the call ends. Written through a writer cached per thread, so a call allocates none.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    [ThreadStatic]
    private static PooledBufferWriter? t_output;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[]? _buffer;

    private RequestBody(byte[] buffer, int length, bool pooled)
    {
        _buffer = buffer;
        Length = length;
        IsPooled = pooled;
    }

    /// <summary>The body of a call without parameters.</summary>
    public static RequestBody EmptyObject { get; } = new("{}"u8.ToArray(), 2, pooled: false);

    public int Length { get; }

    public byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(RequestBody));

    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    private bool IsPooled { get; }

    /// <summary>A body already serialized, e.g. a batch's; not pooled.</summary>
    public static RequestBody FromBytes(byte[] bytes) => new(bytes, bytes.Length, pooled: false);

    /// <summary>Serializes a generated request object.</summary>
    public static RequestBody Write<T>(T request)
        where T : Bitrix24Object, IBitrix24Object, new() =>
        Write(request, static (writer, value) => Bitrix24ObjectConverter<T>.WriteObject(writer, value));

    /// <summary>Serializes a value with a caller's writer delegate.</summary>
    public static RequestBody Write<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var output = t_output ??= new PooledBufferWriter();
        var writer = t_writer;
        if (writer is null)
        {
            t_writer = writer = new Utf8JsonWriter(output);
        }
        else
        {
            writer.Reset(output);
        }

        try
        {
            write(writer, value);
            writer.Flush();
            var (buffer, length) = output.Detach();
            return new RequestBody(buffer, length, pooled: true);
        }
        finally
        {
            output.Clear();
        }
    }

    /// <summary>A copy of the bytes, for a call captured by a batch.</summary>
    public byte[] ToArray() => Span.ToArray();

    /// <summary>Gives a pooled buffer back; a body that is not pooled (the empty one is shared) stays usable.</summary>
    public void Dispose()
    {
        if (!IsPooled)
        {
            return;
        }

        var buffer = _buffer;
        _buffer = null;
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Grows through the shared pool; hands its buffer over to the body it makes.</summary>
    private sealed class PooledBufferWriter : IBufferWriter<byte>
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1024);
        private int _written;

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        public (byte[] Buffer, int Length) Detach()
        {
            var result = (_buffer, _written);
            _buffer = ArrayPool<byte>.Shared.Rent(1024);
            _written = 0;
            return result;
        }

        public void Clear() => _written = 0;

        private void Ensure(int sizeHint)
        {
            var needed = _written + Math.Max(sizeHint, 1);
            if (needed <= _buffer.Length)
            {
                return;
            }

            PooledBuffers.Grow(ref _buffer, _written, needed);
        }
    }
}
