using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bitrix24.Generated.Specs.Reading;

/// <summary>Remembers where the last good YAML event ended, to place errors YamlDotNet reports without a position.</summary>
internal sealed class PositionTrackingParser : IParser
{
    private readonly IParser _inner;

    public PositionTrackingParser(IParser inner) => _inner = inner;

    public Mark LastEnd { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        if (_inner.Current is { } current)
        {
            LastEnd = current.End;
        }

        return _inner.MoveNext();
    }
}
