using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// Wire names (of an object's fields, or an enum's values), looked up from the reader's UTF-8 bytes without making
/// strings, and written from pre-encoded text. Fields usually arrive in the documented order, so the next one is
/// tried first.
/// </summary>
internal sealed class Bitrix24NameTable
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;
    private readonly int[] _slots;
    private readonly Dictionary<string, int> _byName;

    /// <summary>Creates the table.</summary>
    /// <param name="names">The wire names, each once.</param>
    public Bitrix24NameTable(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names;
        _utf8 = new byte[names.Length][];
        _encoded = new JsonEncodedText[names.Length];
        _byName = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        var size = 8;
        while (size < names.Length * 2)
        {
            size *= 2;
        }

        // Open addressing over a hash of the UTF-8 bytes; a slot holds the field's position plus one.
        _slots = new int[size];
        for (var i = 0; i < names.Length; i++)
        {
            if (!_byName.TryAdd(names[i], i))
            {
                throw new ArgumentException("The field '" + names[i] + "' is named twice.", nameof(names));
            }

            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
            _encoded[i] = JsonEncodedText.Encode(names[i]);
            var slot = Hash(_utf8[i]) & (size - 1);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (size - 1);
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>How many fields there are.</summary>
    public int Count => _names.Length;

    /// <summary>The wire name of a field.</summary>
    public string this[int field] => _names[field];

    /// <summary>The position of a wire name, or -1.</summary>
    public int IndexOf(string name) => _byName.TryGetValue(name, out var index) ? index : -1;

    internal JsonEncodedText Encoded(int field) => _encoded[field];

    /// <summary>The position of the property name the reader is at, or -1; <paramref name="expected"/> is tried first.</summary>
    internal int Find(ref Utf8JsonReader reader, int expected)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return IndexOf(reader.GetString()!);
        }

        var name = reader.ValueSpan;
        if ((uint)expected < (uint)_utf8.Length && name.SequenceEqual(_utf8[expected]))
        {
            return expected;
        }

        var mask = _slots.Length - 1;
        for (var slot = Hash(name) & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var index = _slots[slot] - 1;
            if (name.SequenceEqual(_utf8[index]))
            {
                return index;
            }
        }

        return -1;
    }

    // FNV-1a: names are short, so a simple byte-wise hash is fast enough and spreads them well.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
