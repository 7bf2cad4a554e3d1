using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Bitrix24.Generated.Forms;

/// <summary>
/// Turns PHP-style form fields (<c>settings[defaultReminders][fullDay][0][type]=min</c>, <c>ids[]=1</c>) into
/// the JSON object a portal sees: nested objects, and arrays where the keys are 0, 1, 2, …
/// </summary>
/// <remarks>
/// Compiled into each assembly that reads such forms (the emulator reads calls, an application reads the events a
/// portal posts), so that neither has to depend on the other.
/// </remarks>
internal static class PhpFormDecoder
{
    // PHP's max_input_nesting_level: a field nested deeper is dropped together with its whole top-level variable.
    private const int MaxNesting = 64;

    /// <summary>Decodes fields in the order they were sent; a later field overwrites an earlier one.</summary>
    /// <param name="fields">Name and value of each field.</param>
    public static JsonObject Decode(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var root = new FormArray();
        foreach (var (name, value) in fields)
        {
            var path = SplitPath(name);
            if (path.Count == 0)
            {
                continue;
            }

            if (path.Count - 1 > MaxNesting)
            {
                root.Remove(path[0]);
                continue;
            }

            var node = root;
            for (var i = 0; i < path.Count - 1; i++)
            {
                node = node.Child(path[i]);
            }

            node.Set(path[^1], value);
        }

        // The top level is the parameters by name, even when they are positional (0=123&1[POST_MESSAGE]=test).
        var parameters = new JsonObject();
        foreach (var (key, child) in root.Entries)
        {
            parameters[key] = ToJson(child);
        }

        return parameters;
    }

    /// <summary><c>a[b][0][]</c> → <c>a</c>, <c>b</c>, <c>0</c>, an empty segment for "append".</summary>
    internal static IReadOnlyList<string> SplitPath(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            // PHP drops a field without a name (=1).
            return name.Length == 0 ? Array.Empty<string>() : new[] { name };
        }

        var path = new List<string> { name[..open] };
        var position = open;
        while (position < name.Length && name[position] == '[')
        {
            var close = name.IndexOf(']', position);
            if (close < 0)
            {
                // PHP keeps a malformed tail as part of the last name; so do we.
                path[^1] += name[position..];
                break;
            }

            path.Add(name[(position + 1)..close]);
            position = close + 1;
        }

        return path[0].Length == 0 ? Array.Empty<string>() : path;
    }

    private static JsonNode ToJson(object value)
    {
        if (value is string text)
        {
            return JsonValue.Create(text);
        }

        var array = (FormArray)value;
        if (array.IsList)
        {
            return new JsonArray(array.Entries.Select(entry => ToJson(entry.Value)).ToArray());
        }

        var result = new JsonObject();
        foreach (var (key, child) in array.Entries)
        {
            result[key] = ToJson(child);
        }

        return result;
    }

    /// <summary>
    /// A PHP array being filled: its entries in the order first set, and the index an appended entry (<c>[]</c>)
    /// gets, kept as entries come so that appending stays constant-time however long the array grows.
    /// </summary>
    private sealed class FormArray
    {
        private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
        private readonly List<KeyValuePair<string, object>> _entries = new();
        private int _nextIndex;
        private bool _isList = true;

        public IEnumerable<KeyValuePair<string, object>> Entries => _entries;

        /// <summary>Whether the keys are exactly 0, 1, 2, … in order, so that JSON writes it as a list.</summary>
        public bool IsList => _isList && _entries.Count > 0;

        /// <summary>The array under <paramref name="key"/>, made (or made of a string there) as PHP does.</summary>
        public FormArray Child(string key)
        {
            key = Resolve(key);
            if (_positions.TryGetValue(key, out var position) && _entries[position].Value is FormArray existing)
            {
                return existing;
            }

            var child = new FormArray();
            Set(key, child);
            return child;
        }

        public void Set(string key, object value)
        {
            key = Resolve(key);
            if (_positions.TryGetValue(key, out var position))
            {
                _entries[position] = new(key, value);
                return;
            }

            _isList &= key == _entries.Count.ToString(CultureInfo.InvariantCulture);
            _positions[key] = _entries.Count;
            _entries.Add(new(key, value));
            // PHP appends after the largest integer key so far; "007" is a string key to PHP, not 7.
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= _nextIndex && index < int.MaxValue
                && index.ToString(CultureInfo.InvariantCulture) == key)
            {
                _nextIndex = index + 1;
            }
        }

        /// <summary>Removes an entry, as PHP unsets it; rare, so the positions are simply counted again.</summary>
        public void Remove(string key)
        {
            if (!_positions.TryGetValue(key, out var position))
            {
                return;
            }

            _entries.RemoveAt(position);
            _positions.Clear();
            _isList = true;
            for (var i = 0; i < _entries.Count; i++)
            {
                _positions[_entries[i].Key] = i;
                _isList &= _entries[i].Key == i.ToString(CultureInfo.InvariantCulture);
            }
        }

        private string Resolve(string key) => key.Length == 0 ? _nextIndex.ToString(CultureInfo.InvariantCulture) : key;
    }
}
