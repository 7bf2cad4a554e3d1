using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Bitrix24.Generated.Specs.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrix24.Generated.Generator.Analysis;

/// <summary>
/// Specs already read, by path and content, shared by the generator and the analyzer in one compiler process: a
/// build reads each spec once for both, and a spec whose text did not change is not read again by later
/// compilations (in the IDE, or a compiler server).
/// </summary>
internal sealed class SpecDocumentCache
{
    /// <summary>The cache the generator and the analyzer share.</summary>
    public static SpecDocumentCache Shared { get; } = new();

    private readonly ConcurrentDictionary<string, (ImmutableArray<byte> Checksum, SpecDocument Document)> _byPath = new(System.StringComparer.Ordinal);
    private int _reads;

    /// <summary>How many times a spec was actually read, for tests.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>A spec file, read; a file whose text cannot be had is a spec that could not be processed.</summary>
    public SpecDocument Get(AdditionalText file, CancellationToken cancellationToken)
    {
        SourceText? text;
        try
        {
            text = file.GetText(cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return SpecDocument.Failed(file.Path, exception);
        }

        return Get(file.Path, text);
    }

    public SpecDocument Get(string path, SourceText? text)
    {
        if (text is null)
        {
            return SpecDocument.Read(path, null);
        }

        var checksum = text.GetChecksum();
        if (_byPath.TryGetValue(path, out var known) && known.Checksum.SequenceEqual(checksum))
        {
            return known.Document;
        }

        Interlocked.Increment(ref _reads);
        var document = SpecDocument.Read(path, text.ToString());
        _byPath[path] = (checksum, document);
        return document;
    }
}
