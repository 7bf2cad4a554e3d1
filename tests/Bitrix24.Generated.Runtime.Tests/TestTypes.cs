using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

internal enum SampleError
{
    SettingsNotSet,
    AccessDenied,
}

/// <summary>An object declared the way generated code declares one.</summary>
internal sealed class TestObject : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<TestObject> s_fields = new(f =>
    [
        f.Int32("ID", o => o.Id, (o, v) => o.Id = v),
        f.String("NAME", o => o.Name, (o, v) => o.Name = v),
    ]);

    public int? Id { get; set; }

    public string? Name { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>An object with raw JSON fields (<c>type: any</c>), declared the way generated code declares one.</summary>
internal sealed class RawObject : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<RawObject> s_fields = new(f =>
    [
        f.Int32("ID", o => o.Id, (o, v) => o.Id = v),
        f.Json("DATA", o => o.Data, (o, v) => o.Data = v),
        f.List("ITEMS", Bitrix24Converters.Json, o => o.Items, (o, v) => o.Items = v),
        f.Map("EXTRA", Bitrix24MapKeys.String, Bitrix24Converters.Json, o => o.Extra, (o, v) => o.Extra = v),
    ]);

    public int? Id { get; set; }

    public JsonNode? Data { get; set; }

    public IList<JsonNode?>? Items { get; set; }

    public IDictionary<string, JsonNode?>? Extra { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>An object that keeps the portal's custom fields (<c>userFields: UF_</c>), declared the way generated code declares one.</summary>
internal sealed class UserFieldObject : Bitrix24Object, IBitrix24Object, IBitrix24UserFields
{
    private static readonly Bitrix24Fields<UserFieldObject> s_fields = new(userFields: "UF_", f =>
    [
        f.Int32("ID", o => o.Id, (o, v) => o.Id = v),
        f.String("UF_CRM_TYPED", o => o.Typed, (o, v) => o.Typed = v),
        f.Int32("UF_CRM_COUNT", o => o.Count, (o, v) => o.Count = v),
    ]);

    public int? Id { get; set; }

    public string? Typed { get; set; }

    public int? Count { get; set; }

    public IDictionary<string, JsonNode?>? UserFields { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>A table that declares user fields on a type that has no place for them.</summary>
internal sealed class MisdeclaredUserFieldObject : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<MisdeclaredUserFieldObject> s_fields = new(userFields: "UF_", f =>
    [
        f.Int32("ID", o => o.Id, (o, v) => o.Id = v),
    ]);

    public int? Id { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>An object with a field of each kind a spec may be wrong about.</summary>
internal sealed class TypedObject : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<TypedObject> s_fields = new(f =>
    [
        f.Int32("ID", o => o.Id, (o, v) => o.Id = v),
        f.String("NAME", o => o.Name, (o, v) => o.Name = v),
        f.Boolean("ACTIVE", o => o.Active, (o, v) => o.Active = v),
        f.Double("RATE", o => o.Rate, (o, v) => o.Rate = v),
        f.Date("DAY", o => o.Day, (o, v) => o.Day = v),
        f.UnixTime("STAMP", o => o.Stamp, (o, v) => o.Stamp = v),
        f.Object<TestObject>("OWNER", o => o.Owner, (o, v) => o.Owner = v),
        f.List("TAGS", Bitrix24Converters.Int32, o => o.Tags, (o, v) => o.Tags = v),
        f.Map("SLOTS", Bitrix24MapKeys.Int32, Bitrix24Converters.String, o => o.Slots, (o, v) => o.Slots = v),
    ]);

    public int? Id { get; set; }

    public string? Name { get; set; }

    public bool? Active { get; set; }

    public double? Rate { get; set; }

    public Bitrix24Date? Day { get; set; }

    public DateTimeOffset? Stamp { get; set; }

    public TestObject? Owner { get; set; }

    public IList<int>? Tags { get; set; }

    public IDictionary<int, string>? Slots { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>An object with file fields (<c>type: file</c>, <c>type: file-data</c>, a list of files), declared the way generated code declares one.</summary>
internal sealed class FileObject : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<FileObject> s_fields = new(f =>
    [
        f.Int32("ID", o => o.Id, (o, v) => o.Id = v),
        f.File("PHOTO", o => o.Photo, (o, v) => o.Photo = v),
        f.FileData("LOGO", o => o.Logo, (o, v) => o.Logo = v),
        f.List("FILES", Bitrix24Converters.File, o => o.Files, (o, v) => o.Files = v),
    ]);

    public int? Id { get; set; }

    public Bitrix24File? Photo { get; set; }

    public Bitrix24File? Logo { get; set; }

    public IList<Bitrix24File>? Files { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>Answers every request with a canned response and remembers what was sent.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;

    public RecordingHandler(HttpStatusCode status, string body, string contentType = "application/json")
        : this((_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) }))
    {
    }

    public RecordingHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        return await _respond(request, cancellationToken);
    }
}

/// <summary>Type infos built the way generated code builds them: on converters, without reflection.</summary>
internal static class TestJson
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new Resolver() };

    public static JsonTypeInfo<bool> Boolean => (JsonTypeInfo<bool>)Options.GetTypeInfo(typeof(bool));

    public static JsonTypeInfo<int> Int32 => (JsonTypeInfo<int>)Options.GetTypeInfo(typeof(int));

    public static JsonTypeInfo<Dictionary<string, string>> Parameters => (JsonTypeInfo<Dictionary<string, string>>)Options.GetTypeInfo(typeof(Dictionary<string, string>));

    private sealed class Resolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            if (type == typeof(bool))
            {
                return JsonMetadataServices.CreateValueInfo<bool>(options, Bitrix24Converters.Boolean);
            }

            if (type == typeof(int))
            {
                return JsonMetadataServices.CreateValueInfo<int>(options, Bitrix24Converters.Int32);
            }

            if (type == typeof(Dictionary<string, string>))
            {
                return JsonMetadataServices.CreateValueInfo<Dictionary<string, string>>(options, new ParametersConverter());
            }

            return null;
        }
    }

    private sealed class ParametersConverter : JsonConverter<Dictionary<string, string>>
    {
        public override Dictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var pair in value)
            {
                writer.WriteString(pair.Key, pair.Value);
            }

            writer.WriteEndObject();
        }
    }
}
