using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// The C# a generated file writes for a linked type reference: its .NET type, its converter, and the field
/// reader and writer calls. Types of the file's own namespace go by their simple name, others fully qualified.
/// </summary>
internal sealed class TypeCode
{
    public TypeCode(string rootNamespace, string @namespace)
    {
        RootNamespace = rootNamespace;
        Namespace = @namespace;
    }

    public string RootNamespace { get; }

    /// <summary>The namespace the code is written in.</summary>
    public string Namespace { get; }

    public string ScopeNamespace(string scope) => RootNamespace + "." + Names.ScopeNamespace(scope);

    /// <summary>A declared type's name as this file writes it.</summary>
    public string TypeName(string name, string scope)
    {
        var ns = ScopeNamespace(scope);
        return ns == Namespace ? name : "global::" + ns + "." + name;
    }

    /// <summary>The .NET type of a value, without the nullable mark.</summary>
    public string Clr(TypeRef type)
    {
        switch (type.Kind)
        {
            case WireKind.String:
                return "string";
            case WireKind.Boolean:
            case WireKind.Flag:
                return "bool";
            case WireKind.Integer:
            case WireKind.IntegerString:
                return "int";
            case WireKind.Number:
                return "double";
            case WireKind.Date:
                return "Bitrix24Date";
            case WireKind.DateTime:
                return "Bitrix24DateTime";
            case WireKind.UnixTime:
            case WireKind.UnixTimeString:
                return "DateTimeOffset";
            case WireKind.Json:
                return "JsonNode";
            case WireKind.File:
            case WireKind.FileData:
                return "Bitrix24File";
            case WireKind.Named:
                return Named(type);
            case WireKind.Array:
            case WireKind.Set:
                return "IList<" + WholeClr(type.Items!) + ">";
            case WireKind.Map:
                return "IDictionary<" + Key(type) + ", " + WholeClr(type.Items!) + ">";
            case WireKind.Filter:
                return "Bitrix24Filter<" + Named(type.Items!) + ">";
            case WireKind.Select:
                return "Bitrix24Select<" + Named(type.Items!) + ">";
            default:
                throw Unknown(type.Kind);
        }
    }

    /// <summary>
    /// The .NET type of a whole value (a result, a list item, a map value): <see cref="Clr"/>, except that <c>any</c> is
    /// <c>JsonNode?</c> there, since JSON <c>null</c> is one of its values. A property's null means "not set" instead.
    /// </summary>
    public string WholeClr(TypeRef type) => type.Kind == WireKind.Json ? "JsonNode?" : Clr(type);

    public bool IsValueType(TypeRef type) => type.Kind switch
    {
        WireKind.String or WireKind.Json or WireKind.File or WireKind.FileData or WireKind.Array or WireKind.Set or WireKind.Map or WireKind.Filter
            or WireKind.Select => false,
        WireKind.Named => Target(type).Kind is TypeKind.Enum or TypeKind.Key,
        _ => true,
    };

    /// <summary>The converter that reads and writes a whole value of the type (a result, an item of a list).</summary>
    public string Converter(TypeRef type) => type.Kind switch
    {
        WireKind.Named when Target(type).Kind == TypeKind.Object => "Bitrix24Converters.Object<" + Named(type) + ">()",
        WireKind.Named => Named(type) + "JsonConverter.Instance",
        WireKind.Array => "Bitrix24Converters.List(" + Converter(type.Items!) + ")",
        WireKind.Set => "Bitrix24Converters.Set(" + Converter(type.Items!) + ")",
        WireKind.Map => "Bitrix24Converters.Map(" + MapKey(type) + ", " + Converter(type.Items!) + ")",
        _ => "Bitrix24Converters." + Form(type.Kind),
    };

    /// <summary>
    /// The field builder call that declares a property of the type, without its getter and setter, e.g.
    /// <c>f.Int32("count"</c> or <c>f.Enum("type", CalendarReminderUnitJsonConverter.Instance</c>.
    /// </summary>
    public string Field(TypeRef type, string wireName)
    {
        var name = DocComments.Literal(wireName);
        return type.Kind switch
        {
            WireKind.Named => Target(type).Kind switch
            {
                TypeKind.Object => "f.Object<" + Named(type) + ">(" + name,
                TypeKind.Enum => "f.Enum(" + name + ", " + Converter(type),
                _ => "f.Value(" + name + ", " + Converter(type),
            },
            WireKind.Array when IsObject(type.Items!) => "f.ObjectList<" + Named(type.Items!) + ">(" + name,
            WireKind.Array => "f.List(" + name + ", " + Converter(type.Items!),
            WireKind.Set => "f.Set(" + name + ", " + Converter(type.Items!),
            WireKind.Map => "f.Map(" + name + ", " + MapKey(type) + ", " + Converter(type.Items!),
            WireKind.Filter => "f.Filter<" + Named(type.Items!) + ">(" + name,
            WireKind.Select => "f.Select<" + Named(type.Items!) + ">(" + name,
            _ => "f." + Form(type.Kind) + "(" + name,
        };
    }

    /// <summary>The object type a property relates to (its type, or its items'), or null when it is no relation.</summary>
    public static TypeRef? Related(TypeRef type)
    {
        var target = type.Kind == WireKind.Array ? type.Items! : type;
        return IsObject(target) ? target : null;
    }

    private static TypeTarget Target(TypeRef type) =>
        type.Target ?? throw new InvalidOperationException("The reference to '" + type.Name + "' was not linked.");

    private static bool IsObject(TypeRef type) => type.Kind == WireKind.Named && Target(type).Kind == TypeKind.Object;

    private string Named(TypeRef type) => TypeName(type.Name!, Target(type).Scope);

    private string Key(TypeRef map) => map.KeyType switch
    {
        null => "string",
        TypeRef.IntegerKey => "int",
        var key => TypeName(key, map.KeyScope ?? throw new InvalidOperationException("The key type '" + key + "' was not linked.")),
    };

    private string MapKey(TypeRef map) => map.KeyType switch
    {
        null => "Bitrix24MapKeys.String",
        TypeRef.IntegerKey => "Bitrix24MapKeys.Int32",
        _ => "Bitrix24MapKeys.Of<" + Key(map) + ">()",
    };

    // The name each wire form goes by in the runtime's readers, writers and converters.
    private static string Form(WireKind kind) => kind switch
    {
        WireKind.String => "String",
        WireKind.Boolean => "Boolean",
        WireKind.Flag => "Flag",
        WireKind.Integer => "Int32",
        WireKind.IntegerString => "IntegerString",
        WireKind.Number => "Double",
        WireKind.Date => "Date",
        WireKind.DateTime => "DateTime",
        WireKind.UnixTime => "UnixTime",
        WireKind.UnixTimeString => "UnixTimeString",
        WireKind.Json => "Json",
        WireKind.File => "File",
        WireKind.FileData => "FileData",
        _ => throw Unknown(kind),
    };

    private static InvalidOperationException Unknown(WireKind kind) => new("No C# is known for the wire kind " + kind + ".");
}
