using System.Collections.Generic;
using System.Text;

namespace Bitrix24.SpecImporter.Examples;

/// <summary>
/// Splits a shell command into words the way bash would for the quoting the examples use: single quotes keep
/// text literal, double quotes allow escapes, a backslash before a newline continues the line, and command
/// substitutions and variables are replaced by <see cref="ShellSubstitution"/> values. A newline, <c>;</c>,
/// <c>|</c> or <c>&amp;</c> ends a command and comes out as <see cref="Separator"/>.
/// </summary>
internal sealed class ShellWords
{
    /// <summary>The word standing for the end of a command.</summary>
    public const string Separator = "\n";

    private readonly string text;
    private readonly List<string> words = [];
    private readonly StringBuilder word = new();
    private bool inWord;
    private int index;

    private ShellWords(string text) => this.text = text;

    /// <summary>The words of <paramref name="text"/>; an unterminated quote ends at the end of the text.</summary>
    public static List<string> Split(string text)
    {
        var reader = new ShellWords(text.Replace("\r\n", "\n", System.StringComparison.Ordinal));
        reader.Run();
        return reader.words;
    }

    private void Run()
    {
        while (index < text.Length)
        {
            var c = text[index];
            switch (c)
            {
                case '\'':
                    var end = text.IndexOf('\'', index + 1);
                    end = end < 0 ? text.Length : end;
                    Append(text[(index + 1)..end]);
                    index = end + 1;
                    break;
                case '"':
                    ReadDoubleQuoted();
                    break;
                case '\\':
                    // A backslash-newline joins lines; any other escaped character is literal.
                    if (index + 1 < text.Length && text[index + 1] != '\n')
                    {
                        Append(text[index + 1].ToString());
                    }

                    index += 2;
                    break;
                case '$' or '`':
                    Append(ReadSubstitution());
                    break;
                case '#' when !inWord:
                    var newline = text.IndexOf('\n', index);
                    index = newline < 0 ? text.Length : newline;
                    break;
                case '\n' or ';' or '|' or '&':
                    EndWord();
                    words.Add(Separator);
                    index++;
                    break;
                case ' ' or '\t':
                    EndWord();
                    index++;
                    break;
                default:
                    Append(c.ToString());
                    index++;
                    break;
            }
        }

        EndWord();
    }

    private void ReadDoubleQuoted()
    {
        index++;
        inWord = true;
        while (index < text.Length && text[index] != '"')
        {
            var c = text[index];
            if (c == '\\' && index + 1 < text.Length && text[index + 1] is '"' or '\\' or '$' or '`' or '\n')
            {
                if (text[index + 1] != '\n')
                {
                    word.Append(text[index + 1]);
                }

                index += 2;
            }
            else if (c is '$' or '`')
            {
                word.Append(ReadSubstitution());
            }
            else
            {
                word.Append(c);
                index++;
            }
        }

        index++;
    }

    /// <summary>Reads <c>$(…)</c>, <c>`…`</c>, <c>${…}</c> or <c>$NAME</c> at the index and returns its stand-in.</summary>
    private string ReadSubstitution()
    {
        var start = index;
        if (text[index] == '`')
        {
            var close = text.IndexOf('`', index + 1);
            index = close < 0 ? text.Length : close + 1;
            return ShellSubstitution.ValueOf(text[(start + 1)..(close < 0 ? text.Length : close)]);
        }

        if (index + 1 < text.Length && text[index + 1] is '(' or '{')
        {
            var close = FindClose(index + 1);
            index = close < 0 ? text.Length : close + 1;
            var inner = text[(start + 2)..(close < 0 ? text.Length : close)];
            return text[start + 1] == '(' ? ShellSubstitution.ValueOf(inner) : ShellSubstitution.Other;
        }

        index++;
        if (index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] == '_'))
        {
            return "$";
        }

        while (index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '_'))
        {
            index++;
        }

        return ShellSubstitution.Other;
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, past quotes; -1 if none.</summary>
    private int FindClose(int open)
    {
        var opening = text[open];
        var closing = opening == '(' ? ')' : '}';
        var depth = 0;
        for (var position = open; position < text.Length; position++)
        {
            var c = text[position];
            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, position + 1);
                if (end < 0)
                {
                    return -1;
                }

                position = end;
            }
            else if (c == opening)
            {
                depth++;
            }
            else if (c == closing && --depth == 0)
            {
                return position;
            }
        }

        return -1;
    }

    private void Append(string value)
    {
        word.Append(value);
        inWord = true;
    }

    private void EndWord()
    {
        if (inWord)
        {
            words.Add(word.ToString());
        }

        word.Clear();
        inWord = false;
    }
}
