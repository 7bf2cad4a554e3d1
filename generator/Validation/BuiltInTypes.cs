using Bitrix24.Generated.Generator.Model;

namespace Bitrix24.Generated.Generator.Validation;

/// <summary>The type names a spec may use without declaring them.</summary>
internal static class BuiltInTypes
{
    public const string List = "string, boolean, flag, integer, integer-string, number, date, datetime, unix-time, unix-time-string, array, set, map";

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
        "set" => WireKind.Set,
        "array" => WireKind.Array,
        "map" => WireKind.Map,
        _ => null,
    };

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
        WireKind.Set => "set",
        WireKind.Array => "array",
        WireKind.Map => "map",
        _ => "named",
    };
}
