using System;
using System.Collections.Generic;
using System.IO;
using Bitrix24.Generated.Generator.Diagnostics;
using Bitrix24.Generated.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generated.Generator.Parsing;

/// <summary>Reads a spec file's YAML into a <see cref="SpecNode"/> tree that remembers every position.</summary>
internal static class SpecParser
{
    public static ParsedSpec Parse(string filePath, string? text)
    {
        if (text is null)
        {
            return Failed(filePath, SourceLocation.FileStart(filePath), "the file could not be read");
        }

        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException exception)
        {
            var location = Locate(filePath, exception.Start, exception.End);
            return Failed(filePath, location, Describe(exception));
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner throws these on some malformed input; report where reading stopped.
            var location = Locate(filePath, parser.LastEnd, parser.LastEnd);
            return Failed(filePath, location, "the YAML cannot be read past this point; is a bracket or quote left open?");
        }

        if (stream.Documents.Count == 0)
        {
            return Failed(filePath, SourceLocation.FileStart(filePath), "the file is empty");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            return Failed(filePath, Locate(filePath, second.Start, second.End), "a spec holds exactly one YAML document");
        }

        return new ParsedSpec(filePath, Convert(filePath, stream.Documents[0].RootNode), EquatableArray<DiagnosticInfo>.Empty);
    }

    private static SpecNode Convert(string filePath, YamlNode node)
    {
        var location = Locate(filePath, node.Start, node.End);
        switch (node)
        {
            case YamlScalarNode scalar:
                var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
                return new SpecNode(SpecNodeKind.Scalar, scalar.Value, quoted, EquatableArray<SpecEntry>.Empty, EquatableArray<SpecNode>.Empty, location);
            case YamlSequenceNode sequence:
                var items = new List<SpecNode>();
                foreach (var child in sequence.Children)
                {
                    items.Add(Convert(filePath, child));
                }

                return new SpecNode(SpecNodeKind.Sequence, null, false, EquatableArray<SpecEntry>.Empty, items.ToEquatableArray(), location);
            case YamlMappingNode mapping:
                var entries = new List<SpecEntry>();
                foreach (var pair in mapping.Children)
                {
                    var key = pair.Key is YamlScalarNode keyScalar ? keyScalar.Value ?? string.Empty : pair.Key.ToString();
                    entries.Add(new SpecEntry(key, Locate(filePath, pair.Key.Start, pair.Key.End), Convert(filePath, pair.Value)));
                }

                return new SpecNode(SpecNodeKind.Mapping, null, false, entries.ToEquatableArray(), EquatableArray<SpecNode>.Empty, location);
            default:
                // Aliases are resolved by the loader; anything else reads as an empty scalar.
                return new SpecNode(SpecNodeKind.Scalar, null, false, EquatableArray<SpecEntry>.Empty, EquatableArray<SpecNode>.Empty, location);
        }
    }

    // YamlDotNet marks are 1-based; Roslyn positions are 0-based.
    internal static SourceLocation Locate(string filePath, Mark start, Mark end)
    {
        var startLine = Math.Max(0, (int)start.Line - 1);
        var startColumn = Math.Max(0, (int)start.Column - 1);
        var endLine = Math.Max(startLine, (int)end.Line - 1);
        var endColumn = endLine == startLine ? Math.Max(startColumn, (int)end.Column - 1) : Math.Max(0, (int)end.Column - 1);
        var startIndex = Math.Max(0, (int)start.Index);
        var length = Math.Max(0, (int)end.Index - startIndex);
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
        new(filePath, null, new[] { DiagnosticInfoExtensions.Create(DiagnosticDescriptors.InvalidYaml, location, message) }.ToEquatableArray());
}
