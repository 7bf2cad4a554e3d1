using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Specs.Reading;

/// <summary>The type names a spec may use without declaring them.</summary>
public static class BuiltInTypes
{
    /// <summary>The built-in type names, for messages.</summary>
    public const string List = "string, boolean, flag, integer, integer-string, number, date, datetime, unix-time, unix-time-string, any, file, file-data, array, set, map, filter, select";

    /// <summary>The built-in type of a name, or null for a declared type's name.</summary>
    public static WireKind? Find(string name) => name switch
    {
        "string" => WireKind.String,
        "boolean" => WireKind.Boolean,
        "flag" => WireKind.Flag,
        "integer" => WireKind.Integer,
        "integer-string" => WireKind.IntegerString,
        "number" => WireKind.Number,
        "date" => WireKind.Date,
        "datetime" => WireKind.DateTime,
        "unix-time" => WireKind.UnixTime,
        "unix-time-string" => WireKind.UnixTimeString,
        "any" => WireKind.Json,
        "file" => WireKind.File,
        "file-data" => WireKind.FileData,
        "set" => WireKind.Set,
        "array" => WireKind.Array,
        "map" => WireKind.Map,
        "filter" => WireKind.Filter,
        "select" => WireKind.Select,
        _ => null,
    };

    /// <summary>The spec name of a built-in type.</summary>
    public static string Name(WireKind kind) => kind switch
    {
        WireKind.String => "string",
        WireKind.Boolean => "boolean",
        WireKind.Flag => "flag",
        WireKind.Integer => "integer",
        WireKind.IntegerString => "integer-string",
        WireKind.Number => "number",
        WireKind.Date => "date",
        WireKind.DateTime => "datetime",
        WireKind.UnixTime => "unix-time",
        WireKind.UnixTimeString => "unix-time-string",
        WireKind.Json => "any",
        WireKind.File => "file",
        WireKind.FileData => "file-data",
        WireKind.Set => "set",
        WireKind.Array => "array",
        WireKind.Map => "map",
        WireKind.Filter => "filter",
        WireKind.Select => "select",
        _ => "named",
    };
}
