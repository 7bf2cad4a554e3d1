using System;
using System.Collections.Generic;

namespace Bitrix24.Generated.Specs.Naming;

/// <summary>The words C# gives a meaning: reserved ones cannot be names, contextual ones can but read badly as types.</summary>
public static class CSharpKeywords
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    private static readonly HashSet<string> Contextual = new(StringComparer.Ordinal)
    {
        "add", "alias", "allows", "and", "ascending", "args", "async", "await", "by", "descending", "dynamic", "equals",
        "extension", "field", "file", "from", "get", "global", "group", "init", "into", "join", "let", "managed", "nameof",
        "nint", "not", "notnull", "nuint", "on", "or", "orderby", "partial", "record", "remove", "required", "scoped",
        "select", "set", "unmanaged", "value", "var", "when", "where", "with", "yield",
    };

    /// <summary>Whether the word is reserved and cannot be a name without <c>@</c>.</summary>
    public static bool IsReserved(string word) => Reserved.Contains(word);

    /// <summary>Whether the word is reserved or contextual.</summary>
    public static bool IsKeyword(string word) => Reserved.Contains(word) || Contextual.Contains(word);

    /// <summary>A name safe as a parameter or local: keywords get <c>@</c>.</summary>
    public static string Escape(string name) => IsKeyword(name) ? "@" + name : name;
}
