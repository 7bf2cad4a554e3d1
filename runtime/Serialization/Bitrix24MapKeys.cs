using System;
using System.Globalization;

namespace Bitrix24.Generated.Serialization;

/// <summary>How a map's keys are read from and written to JSON property names.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
public abstract class Bitrix24MapKey<TKey>
{
    /// <summary>How messages name a valid key, e.g. <c>an integer</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Reads a key; false when the text is not one.</summary>
    public abstract bool TryParse(string text, out TKey key);

    /// <summary>The key as a property name.</summary>
    public abstract string Format(TKey key);
}

/// <summary>A key type of the <c>prefix{id}</c> kind (<c>user12</c>): generated record structs implement it.</summary>
/// <typeparam name="TSelf">The key type itself.</typeparam>
public interface IBitrix24Key<TSelf>
    where TSelf : IBitrix24Key<TSelf>
{
    /// <summary>Reads a key; returns false when the text has none of the type's forms.</summary>
    static abstract bool TryParse(string? text, out TSelf key);
}

/// <summary>The map keys generated code uses.</summary>
public static class Bitrix24MapKeys
{
    /// <summary>String keys, as they stand.</summary>
    public static Bitrix24MapKey<string> String { get; } = new StringKey();

    /// <summary>Integer keys (<c>{"34": ...}</c>).</summary>
    public static Bitrix24MapKey<int> Int32 { get; } = new Int32Key();

    /// <summary>Keys of a generated key type.</summary>
    public static Bitrix24MapKey<TKey> Of<TKey>()
        where TKey : IBitrix24Key<TKey> => TypedKey<TKey>.Instance;

    private sealed class StringKey : Bitrix24MapKey<string>
    {
        public override string Description => "a string";

        public override bool TryParse(string text, out string key)
        {
            key = text;
            return true;
        }

        public override string Format(string key) => key;
    }

    private sealed class Int32Key : Bitrix24MapKey<int>
    {
        public override string Description => "an integer";

        public override bool TryParse(string text, out int key) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out key);

        public override string Format(int key) => key.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class TypedKey<TKey> : Bitrix24MapKey<TKey>
        where TKey : IBitrix24Key<TKey>
    {
        public static readonly TypedKey<TKey> Instance = new();

        public override string Description => "a " + typeof(TKey).Name;

        public override bool TryParse(string text, out TKey key) => TKey.TryParse(text, out key);

        public override string Format(TKey key) => key.ToString() ?? string.Empty;
    }
}
