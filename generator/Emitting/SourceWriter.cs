using System;
using System.Collections.Generic;
using System.Text;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>Writes C# line by line with indentation, so generated code comes out formatted.</summary>
internal sealed class SourceWriter
{
    /// <summary>Generated lines stay within this many characters where the code allows.</summary>
    public const int MaxLineLength = 120;

    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new(4096);
    private int _indent;

    /// <summary>How wide the current indentation is.</summary>
    public int IndentWidth => _indent * IndentUnit.Length;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes each line of a multi-line template at the current indentation.</summary>
    public SourceWriter Lines(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Line(line.TrimEnd('\r'));
        }

        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Opens a block after a declaration written over several lines.</summary>
    public SourceWriter Begin()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    /// <summary>Writes <paramref name="head"/> and <paramref name="tail"/> on one line when it fits, else the tail indented below.</summary>
    public SourceWriter LineOrWrap(string head, string tail)
    {
        if (IndentWidth + head.Length + 1 + tail.Length <= MaxLineLength)
        {
            return Line(head + " " + tail);
        }

        Line(head);
        _indent++;
        Line(tail);
        _indent--;
        return this;
    }

    /// <summary>
    /// Writes <paramref name="head"/> followed by the items, on one line when it fits, else one item a line below it.
    /// </summary>
    public SourceWriter List(string head, IReadOnlyList<string> items, string tail, string separator = ",")
    {
        var joined = head + string.Join(separator + " ", items) + tail;
        if (IndentWidth + joined.Length <= MaxLineLength || items.Count == 0)
        {
            return Line(joined);
        }

        Line(head.TrimEnd());
        _indent++;
        for (var i = 0; i < items.Count; i++)
        {
            Line(items[i] + (i < items.Count - 1 ? separator : tail));
        }

        _indent--;
        return this;
    }

    /// <summary>
    /// Writes <paramref name="head"/> followed by short items (names, literals), as many to a line as fit.
    /// </summary>
    public SourceWriter Packed(string head, IReadOnlyList<string> items, string tail)
    {
        var joined = head + string.Join(", ", items) + tail;
        if (IndentWidth + joined.Length <= MaxLineLength || items.Count == 0)
        {
            return Line(joined);
        }

        Line(head.TrimEnd());
        _indent++;
        var line = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] + (i < items.Count - 1 ? "," : tail);
            if (line.Length > 0 && IndentWidth + line.Length + 1 + item.Length > MaxLineLength)
            {
                Line(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(item);
        }

        Line(line.ToString());
        _indent--;
        return this;
    }

    /// <summary>
    /// Writes a call expression followed by <paramref name="suffix"/>, breaking its arguments one a line (and theirs,
    /// as far as needed) when it does not fit.
    /// </summary>
    public SourceWriter Expression(string expression, string suffix)
    {
        var open = OutermostCall(expression);
        if (IndentWidth + expression.Length + suffix.Length <= MaxLineLength || open < 0)
        {
            return Line(expression + suffix);
        }

        var arguments = SplitArguments(expression.Substring(open + 1, expression.Length - open - 2));
        if (arguments.Count == 0)
        {
            return Line(expression + suffix);
        }

        Line(expression.Substring(0, open + 1));
        _indent++;
        for (var i = 0; i < arguments.Count; i++)
        {
            Expression(arguments[i], i < arguments.Count - 1 ? "," : ")" + suffix);
        }

        _indent--;
        return this;
    }

    // Where the argument list of the call that ends the expression opens, or -1 when it does not end with a call.
    private static int OutermostCall(string expression)
    {
        if (!expression.EndsWith(")", StringComparison.Ordinal))
        {
            return -1;
        }

        var depth = 0;
        for (var i = expression.Length - 1; i >= 0; i--)
        {
            switch (expression[i])
            {
                case ')':
                    depth++;
                    break;
                case '(':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    // The top-level arguments of an argument list: commas inside parentheses, brackets or strings do not split.
    private static List<string> SplitArguments(string list)
    {
        var arguments = new List<string>();
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '(' or '<' or '[':
                    depth++;
                    break;
                case ')' or '>' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    arguments.Add(list.Substring(start, i - start).Trim());
                    start = i + 1;
                    break;
            }
        }

        var last = list.Substring(start).Trim();
        if (last.Length > 0)
        {
            arguments.Add(last);
        }

        return arguments;
    }

    /// <summary>Writes a <c>/// &lt;tag&gt;</c> block from already escaped text.</summary>
    public SourceWriter Doc(string tag, string? escapedText, string attributes = "")
    {
        if (string.IsNullOrWhiteSpace(escapedText))
        {
            return this;
        }

        var width = Math.Max(60, MaxLineLength - IndentWidth - 4);
        var single = "<" + tag + attributes + ">" + escapedText + "</" + tag + ">";
        if (single.Length <= width && escapedText!.IndexOf('\n') < 0)
        {
            return Line("/// " + single);
        }

        Line("/// <" + tag + attributes + ">");
        foreach (var line in DocComments.Wrap(escapedText!, width))
        {
            Line("/// " + line);
        }

        return Line("/// </" + tag + ">");
    }

    public SourceWriter FileHeader()
    {
        Line("// <auto-generated/> by Bitrix24.Generated from this project's specs: edit those, not this file.");

        // Annotations for callers; the compiler's flow analysis of generated code would only cost build time.
        return Line("#nullable enable annotations");
    }

    public override string ToString() => _builder.ToString();
}
