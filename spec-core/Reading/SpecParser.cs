using System;
using System.Collections.Generic;
using System.IO;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bitrix24.Generated.Specs.Reading;

/// <summary>The outcome of parsing one spec file: its YAML tree, or the reason there is none.</summary>
public sealed record ParsedSpec(string FilePath, SpecNode? Root, EquatableArray<SpecDiagnostic> Diagnostics);

/// <summary>
/// Reads a spec file's YAML into a <see cref="SpecNode"/> tree that remembers every position. It reads YamlDotNet's
/// event stream directly, so that depth and size stay bounded: an alias is the node it names, counted again each
/// time it is used, and a spec that nests too deeply or grows too large through aliases is an error, not a hang.
/// </summary>
public static class SpecParser
{
    /// <summary>How deeply YAML nodes may nest; specs need a dozen levels.</summary>
    public const int MaxDepth = 100;

    /// <summary>How many nodes a spec may hold, counting each use of an alias in full.</summary>
    public const int MaxNodes = 200_000;

    /// <summary>Parses one spec file's text; null text means the file could not be read.</summary>
    public static ParsedSpec Parse(string filePath, string? text)
    {
        if (text is null)
        {
            return Failed(filePath, SourceLocation.FileStart(filePath), "the file could not be read");
        }

        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return Failed(filePath, SourceLocation.FileStart(filePath), "the file is empty");
            }

            parser.Consume<DocumentStart>();
            var root = new TreeBuilder(filePath, parser).Node(depth: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                return Failed(filePath, Locate(filePath, second.Start, second.End), "a spec holds exactly one YAML document");
            }

            return new ParsedSpec(filePath, root, EquatableArray<SpecDiagnostic>.Empty);
        }
        catch (YamlException exception)
        {
            return Failed(filePath, Locate(filePath, exception.Start, exception.End), Describe(exception));
        }
        catch (TooLargeException exception)
        {
            return Failed(filePath, Locate(filePath, exception.At, exception.At), exception.Message);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner throws these on some malformed input; report where reading stopped.
            var location = Locate(filePath, parser.LastEnd, parser.LastEnd);
            return Failed(filePath, location, "the YAML cannot be read past this point; is a bracket or quote left open?");
        }
    }

    // YamlDotNet marks are 1-based; our positions are 0-based.
    internal static SourceLocation Locate(string filePath, Mark start, Mark end)
    {
        var startLine = (int)Math.Max(0, start.Line - 1);
        var startColumn = (int)Math.Max(0, start.Column - 1);
        var endLine = (int)Math.Max(startLine, end.Line - 1);
        var endColumn = endLine == startLine ? (int)Math.Max(startColumn, end.Column - 1) : (int)Math.Max(0, end.Column - 1);
        var startIndex = (int)Math.Max(0, start.Index);
        var length = (int)Math.Max(0, end.Index - startIndex);
        return new SourceLocation(filePath, startIndex, length, startLine, startColumn, endLine, endColumn);
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes its messages with the position, which the diagnostic already carries.
        var message = exception.InnerException is YamlException inner ? inner.Message : exception.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(close + 3) : message;
    }

    private static ParsedSpec Failed(string filePath, SourceLocation location, string message) =>
        new(filePath, null, new[] { SpecDiagnostic.Create(SpecRules.InvalidYaml, location, message) }.ToEquatableArray());

    /// <summary>Builds nodes from parser events, one node per call, counting depth and size.</summary>
    private sealed class TreeBuilder
    {
        private readonly string _filePath;
        private readonly IParser _parser;
        private readonly Dictionary<string, (SpecNode Node, int Size)> _anchors = new(StringComparer.Ordinal);
        private readonly HashSet<string> _open = new(StringComparer.Ordinal);
        private int _nodes;

        public TreeBuilder(string filePath, IParser parser)
        {
            _filePath = filePath;
            _parser = parser;
        }

        public SpecNode Node(int depth) => Read(depth).Node;

        private (SpecNode Node, int Size) Read(int depth)
        {
            var current = _parser.Current ?? throw new YamlException("The YAML ends where a value was expected.");
            if (depth > MaxDepth)
            {
                throw new TooLargeException(current.Start, "the YAML nests more than " + MaxDepth + " levels deep");
            }

            switch (current)
            {
                case AnchorAlias alias:
                    _parser.MoveNext();
                    return Alias(alias);
                case Scalar scalar:
                    _parser.MoveNext();
                    var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
                    return Anchored(scalar.Anchor, scalar.Start, () => (Leaf(scalar.Value, quoted, scalar.Start, scalar.End), 1));
                case SequenceStart sequence:
                    return Anchored(sequence.Anchor, sequence.Start, () => Sequence(sequence, depth));
                case MappingStart mapping:
                    return Anchored(mapping.Anchor, mapping.Start, () => Mapping(mapping, depth));
                default:
                    throw new YamlException(current.Start, current.End, "Unexpected " + current.GetType().Name + ".");
            }
        }

        private (SpecNode Node, int Size) Sequence(SequenceStart start, int depth)
        {
            _parser.MoveNext();
            var items = new List<SpecNode>();
            var size = 1;
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                var (item, itemSize) = Read(depth + 1);
                items.Add(item);
                size += itemSize;
            }

            var last = items.Count > 0 ? items[items.Count - 1].Location : null;
            return (new SpecNode(SpecNodeKind.Sequence, null, false, EquatableArray<SpecEntry>.Empty, items.ToEquatableArray(), Span(start.Start, last)), size);
        }

        private (SpecNode Node, int Size) Mapping(MappingStart start, int depth)
        {
            _parser.MoveNext();
            var entries = new List<SpecEntry>();
            var size = 1;
            SourceLocation? last = null;
            while (!_parser.TryConsume<MappingEnd>(out _))
            {
                var (key, keySize) = Read(depth + 1);
                var (value, valueSize) = Read(depth + 1);
                size += keySize + valueSize;
                var keyText = key.IsScalar ? key.Value ?? string.Empty : "(a " + key.Kind.ToString().ToLowerInvariant() + " as a key)";
                entries.Add(new SpecEntry(keyText, key.Location, value));
                last = value.Location;
            }

            return (new SpecNode(SpecNodeKind.Mapping, null, false, entries.ToEquatableArray(), EquatableArray<SpecNode>.Empty, Span(start.Start, last)), size);
        }

        // A node that carries an anchor is remembered for the aliases after it; one still being read cannot be named.
        private (SpecNode Node, int Size) Anchored(AnchorName anchor, Mark at, Func<(SpecNode Node, int Size)> read)
        {
            if (anchor.IsEmpty)
            {
                return Count(read(), at);
            }

            var name = anchor.Value;
            _open.Add(name);
            var result = Count(read(), at);
            _open.Remove(name);
            _anchors[name] = result;
            return result;
        }

        private (SpecNode Node, int Size) Alias(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            if (_open.Contains(name))
            {
                throw new TooLargeException(alias.Start, "the alias *" + name + " refers to a node that contains it");
            }

            if (!_anchors.TryGetValue(name, out var target))
            {
                throw new YamlException(alias.Start, alias.End, "The alias *" + name + " names no anchor before it.");
            }

            // An alias stands for its whole node again: count it in full, so that aliases of aliases cannot explode.
            _nodes += target.Size;
            if (_nodes > MaxNodes)
            {
                throw new TooLargeException(alias.Start, "the spec grows past " + MaxNodes + " nodes when its aliases are expanded");
            }

            return target;
        }

        private (SpecNode Node, int Size) Count((SpecNode Node, int Size) result, Mark at)
        {
            _nodes++;
            if (_nodes > MaxNodes)
            {
                throw new TooLargeException(at, "the spec has more than " + MaxNodes + " nodes");
            }

            return result;
        }

        private SpecNode Leaf(string value, bool quoted, Mark start, Mark end) =>
            new(SpecNodeKind.Scalar, value, quoted, EquatableArray<SpecEntry>.Empty, EquatableArray<SpecNode>.Empty, Locate(_filePath, start, end));

        private SourceLocation Span(Mark start, SourceLocation? last)
        {
            var begin = Locate(_filePath, start, start);
            if (last is null)
            {
                return begin;
            }

            return begin with
            {
                Length = Math.Max(0, last.Start + last.Length - begin.Start),
                EndLine = last.EndLine,
                EndColumn = last.EndColumn,
            };
        }
    }

    private sealed class TooLargeException : Exception
    {
        public TooLargeException(Mark at, string message)
            : base(message)
        {
            At = at;
        }

        public Mark At { get; }
    }
}
