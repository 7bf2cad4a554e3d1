using System;
using System.Buffers;

namespace Bitrix24.Generated.Transport;

/// <summary>Growing a buffer rented from the shared pool: request bodies as they are written, answers as they arrive.</summary>
internal static class PooledBuffers
{
    /// <summary>Swaps <paramref name="buffer"/> for a rented one of at least <paramref name="minimum"/> bytes (at least twice
    /// the size), keeping its first <paramref name="used"/> bytes, and returns the old one to the pool.</summary>
    public static void Grow(ref byte[] buffer, int used, int minimum)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(minimum, buffer.Length * 2));
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
