using System;
using System.Globalization;
using System.Text;

namespace Bitrix24.Generated;

/// <summary>
/// A file as a method takes or returns one: a new upload (a name and the content, sent as base64), a file the
/// portal already stores (its id), or what an answer says of a stored file (<c>{"id": 12, "showUrl": ...,
/// "downloadUrl": ...}</c>). A value read from JSON keeps the JSON it came from and is written back exactly so;
/// content is kept as the base64 text that was sent and decoded only by <see cref="GetContent"/>.
/// </summary>
/// <remarks>
/// How a new upload goes out depends on the field's spec type: <c>file</c> sends <c>["me.png", "iVBORw0..."]</c>,
/// <c>file-data</c> sends <c>{"fileData": ["me.png", "iVBORw0..."]}</c>; an upload without a name is the bare base64
/// string in both, and a stored file's id is its number.
/// </remarks>
public sealed class Bitrix24File : IEquatable<Bitrix24File>
{
    // The JSON a value was read from, as it came; null for a value made here.
    private readonly byte[]? _json;

    private Bitrix24File(byte[]? json, int? id, string? name, string? base64Content, string? showUrl, string? downloadUrl)
    {
        _json = json;
        Id = id;
        Name = name;
        Base64Content = base64Content;
        ShowUrl = showUrl;
        DownloadUrl = downloadUrl;
    }

    /// <summary>The id of a file the portal stores, when the value names or describes one.</summary>
    public int? Id { get; }

    /// <summary>The file name, e.g. <c>me.png</c>, when the value carries one.</summary>
    public string? Name { get; }

    /// <summary>
    /// The content as base64 text, exactly as it was given or sent, when the value carries content; see
    /// <see cref="GetContent"/> for the bytes.
    /// </summary>
    public string? Base64Content { get; }

    /// <summary>
    /// The link that shows the file in a browser to a signed-in user (<c>showUrl</c>, <c>url</c> in answers), as sent:
    /// portals often send it relative to the portal's address.
    /// </summary>
    public string? ShowUrl { get; }

    /// <summary>
    /// The link that downloads the file (<c>downloadUrl</c>, <c>urlMachine</c> in answers), as sent. It may carry an
    /// access token: keep it out of logs.
    /// </summary>
    public string? DownloadUrl { get; }

    /// <summary>The JSON the value was read from, exactly as it came; null for a value made in code.</summary>
    public string? RawJson => _json is null ? null : Encoding.UTF8.GetString(_json);

    /// <summary>The JSON the value was read from, for writing it back; null for a value made in code.</summary>
    internal byte[]? Json => _json;

    /// <summary>A new file to upload under <paramref name="name"/>; the content is sent as base64.</summary>
    /// <param name="name">The file name with its extension, e.g. <c>me.png</c>.</param>
    /// <param name="content">The file's bytes; not empty, since portals refuse an empty file.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The name or the content is empty.</exception>
    public static Bitrix24File Upload(string name, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new Bitrix24File(null, null, name, Encode(content), null, null);
    }

    /// <summary>
    /// A new file without a name, sent as the bare base64 string: for the fields that take only that (a document
    /// template's <c>file</c>); elsewhere the portal makes up a name.
    /// </summary>
    /// <param name="content">The file's bytes; not empty, since portals refuse an empty file.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The content is empty.</exception>
    public static Bitrix24File Upload(ReadOnlySpan<byte> content) => new(null, null, null, Encode(content), null, null);

    /// <summary>A file the portal already stores, sent as its id, e.g. <c>12</c>.</summary>
    /// <param name="id">The file's id.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The id is not positive.</exception>
    public static Bitrix24File FromId(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return new Bitrix24File(null, id, null, null, null, null);
    }

    /// <summary>A value read from JSON: <paramref name="json"/> is the value's JSON as it came, the rest what it says.</summary>
    internal static Bitrix24File Read(byte[] json, int? id = null, string? name = null, string? base64Content = null, string? showUrl = null, string? downloadUrl = null) =>
        new(json, id, name, base64Content, showUrl, downloadUrl);

    /// <summary>The content's bytes, decoded from <see cref="Base64Content"/>.</summary>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidOperationException">The value carries no content, only a stored file's id or links.</exception>
    /// <exception cref="FormatException">The content is not base64 text (documentation examples hold placeholders).</exception>
    public byte[] GetContent()
    {
        if (Base64Content is null)
        {
            throw new InvalidOperationException("The " + this + " carries no content; download a stored file by its link.");
        }

        try
        {
            return Convert.FromBase64String(Base64Content);
        }
        catch (FormatException exception)
        {
            throw new FormatException("The content of the " + this + " is not base64 text.", exception);
        }
    }

    /// <summary>
    /// Compares two values: values read from JSON by the JSON they came from, values made in code by their id, name
    /// and content.
    /// </summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Bitrix24File? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_json is not null || other._json is not null)
        {
            return _json is not null && other._json is not null && _json.AsSpan().SequenceEqual(other._json);
        }

        return Id == other.Id && Name == other.Name && Base64Content == other.Base64Content;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Bitrix24File);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        if (_json is not null)
        {
            hash.AddBytes(_json);
        }
        else
        {
            hash.Add(Id);
            hash.Add(Name, StringComparer.Ordinal);
            hash.Add(Base64Content, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two values as <see cref="Equals(Bitrix24File)"/> does.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    public static bool operator ==(Bitrix24File? left, Bitrix24File? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two values as <see cref="Equals(Bitrix24File)"/> does.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    public static bool operator !=(Bitrix24File? left, Bitrix24File? right) => !(left == right);

    /// <summary>
    /// The file's id, name and the length of its base64 text, e.g. <c>file 'me.png', 1368 characters of base64</c>;
    /// never the content, nor the links, which may carry an access token.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("file");
        if (Id is { } id)
        {
            text.Append(' ').Append(id.ToString(CultureInfo.InvariantCulture));
        }

        if (Name is not null)
        {
            text.Append(" '").Append(Name).Append('\'');
        }

        if (Base64Content is not null)
        {
            text.Append(", ").Append(Base64Content.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters of base64");
        }

        return text.ToString();
    }

    private static string Encode(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            throw new ArgumentException("A file to upload cannot be empty: portals refuse it.", nameof(content));
        }

        return Convert.ToBase64String(content);
    }
}
