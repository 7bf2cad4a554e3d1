using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>A REST 3.0 task as tasks.task.add and tasks.task.list answer with it, declared the way generated code declares one.</summary>
internal sealed class V3Task : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<V3Task> s_fields = new(f =>
    [
        f.Int32("id", o => o.Id, (o, v) => o.Id = v),
        f.String("title", o => o.Title, (o, v) => o.Title = v),
        f.Int32("responsibleId", o => o.ResponsibleId, (o, v) => o.ResponsibleId = v),
    ]);

    public int? Id { get; set; }

    public string? Title { get; set; }

    public int? ResponsibleId { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>The parameters of tasks.task.add in REST 3.0: <c>{"fields": {...}}</c>.</summary>
internal sealed class V3TaskAdd : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<V3TaskAdd> s_fields = new(f =>
    [
        f.Object<V3Task>("fields", o => o.Fields, (o, v) => o.Fields = v),
    ]);

    public V3Task? Fields { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>REST 3.0's <c>result</c> as the converter reads it whole: <c>item</c>, <c>items</c> or <c>result</c>.</summary>
internal sealed class V3Result : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<V3Result> s_fields = new(f =>
    [
        f.Object<V3Task>("item", o => o.Item, (o, v) => o.Item = v),
        f.ObjectList<V3Task>("items", o => o.Items, (o, v) => o.Items = v),
        f.Boolean("result", o => o.Result, (o, v) => o.Result = v),
    ]);

    public V3Task? Item { get; set; }

    public IList<V3Task>? Items { get; set; }

    public bool? Result { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>REST 3.0's <c>pagination</c> parameter of list methods.</summary>
internal sealed class V3Pagination : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<V3Pagination> s_fields = new(f =>
    [
        f.Int32("page", o => o.Page, (o, v) => o.Page = v),
        f.Int32("limit", o => o.Limit, (o, v) => o.Limit = v),
    ]);

    public int? Page { get; set; }

    public int? Limit { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>The parameters of tasks.task.list in REST 3.0, as far as paging goes.</summary>
internal sealed class V3TaskList : Bitrix24Object, IBitrix24Object
{
    private static readonly Bitrix24Fields<V3TaskList> s_fields = new(f =>
    [
        f.Object<V3Pagination>("pagination", o => o.Pagination, (o, v) => o.Pagination = v),
    ]);

    public V3Pagination? Pagination { get; set; }

    Bitrix24Fields IBitrix24Object.Fields => s_fields;
}

/// <summary>Method descriptors and documented REST 3.0 answers the tests share.</summary>
internal static class Rest3
{
    public const string Secret = "v3hooksecret42";
    public const string WebhookUrl = "https://portal.example/rest/1/" + Secret + "/";

    public const string AddAnswer = """{"result":{"item":{"id":3839,"title":"Task Title","responsibleId":1}},"time":{"start":1787219542,"finish":1787219542.888997,"duration":0.8889970779418945,"processing":0,"date_start":"2026-08-20T11:52:22+02:00","date_finish":"2026-08-20T11:52:22+02:00","operating_reset_at":1787220142,"operating":0.1199338436126709}}""";

    public static readonly Bitrix24Method<V3Result> Add = new("tasks.task.add", Bitrix24ObjectConverter<V3Result>.Instance, api: Bitrix24ApiVersion.Rest3);

    public static readonly Bitrix24Method<V3Result> List = new("tasks.task.list", Bitrix24ObjectConverter<V3Result>.Instance, idempotent: true, api: Bitrix24ApiVersion.Rest3);

    public static V3TaskAdd NewTask() => new() { Fields = new V3Task { Title = "Task Title", ResponsibleId = 1 } };

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
