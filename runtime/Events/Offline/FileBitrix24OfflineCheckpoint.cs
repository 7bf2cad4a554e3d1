using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Events;

/// <summary>
/// Keeps the checkpoint in a small JSON file (<c>{"process_id":"…","handled":[1,2]}</c>). Each save writes a
/// temporary file beside it, flushes it to disk and moves it over the old one, so a crash leaves either the old
/// state or the new, never half of one. The file holds no secrets, only the process id and record ids.
/// </summary>
public sealed class FileBitrix24OfflineCheckpoint : IBitrix24OfflineCheckpoint
{
    private readonly string _path;
    private readonly string _temporary;

    /// <summary>Creates the checkpoint over a file; its folder must exist, the file need not.</summary>
    /// <param name="path">The file, e.g. <c>offline-events.checkpoint.json</c>.</param>
    public FileBitrix24OfflineCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = System.IO.Path.GetFullPath(path);
        _temporary = _path + ".tmp";
    }

    /// <summary>The file the state is kept in.</summary>
    public string Path => _path;

    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">The file is not a checkpoint.</exception>
    public async ValueTask<Bitrix24OfflineCheckpointState?> LoadAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(_path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        return Read(bytes, _path);
    }

    /// <inheritdoc/>
    public async ValueTask SaveAsync(Bitrix24OfflineCheckpointState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var buffer = new ArrayBufferWriter<byte>(64 + (state.HandledIds.Count * 8));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("process_id", state.ProcessId);
            writer.WriteStartArray("handled");
            foreach (var id in state.HandledIds)
            {
                writer.WriteNumberValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var stream = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            // On disk before the move: a rename that reaches the disk before the content would leave an empty file.
            stream.Flush(flushToDisk: true);
        }

        File.Move(_temporary, _path, overwrite: true);
    }

    /// <inheritdoc/>
    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        File.Delete(_path);
        return default;
    }

    /// <inheritdoc/>
    public override string ToString() => "FileBitrix24OfflineCheckpoint { Path = " + _path + " }";

    private static Bitrix24OfflineCheckpointState Read(byte[] bytes, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var processId = root.GetProperty("process_id").GetString();
            if (string.IsNullOrEmpty(processId))
            {
                throw new InvalidDataException($"The offline events checkpoint '{path}' names no process.");
            }

            var handled = new List<long>();
            foreach (var id in root.GetProperty("handled").EnumerateArray())
            {
                handled.Add(id.GetInt64());
            }

            return new Bitrix24OfflineCheckpointState(processId, handled);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The offline events checkpoint '{path}' cannot be read: {exception.Message}", exception);
        }
    }
}
