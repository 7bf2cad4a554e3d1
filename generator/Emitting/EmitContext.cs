using System.Collections.Generic;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Validation;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>What every emitter needs to know about the whole model: where each type lives and what it is.</summary>
internal sealed class EmitContext
{
    public const string Runtime = "global::Bitrix24.Generated";
    public const string Json = "global::System.Text.Json";

    private readonly Dictionary<string, TypeModel> _types = new();

    public EmitContext(GenerationModel model)
    {
        Model = model;
        foreach (var type in model.Types)
        {
            _types[type.Name] = type;
        }
    }

    public GenerationModel Model { get; }

    public string RootNamespace => Model.RootNamespace;

    public TypeModel Type(string name) => _types[name];

    public string ScopeNamespace(string scope) => RootNamespace + "." + Naming.ToPascalCase(scope);

    /// <summary>The global:: name of a declared type.</summary>
    public string FullName(TypeModel type) => "global::" + ScopeNamespace(type.Scope) + "." + type.Name;

    public string FullName(string typeName) => FullName(Type(typeName));

    /// <summary>The converter class of a declared object or enum type.</summary>
    public string ConverterName(string typeName) => FullName(typeName) + "JsonConverter";

    public string RequestName(MethodModel method) => "global::" + ScopeNamespace(method.Scope) + "." + Naming.MethodTypePrefix(method) + "Request";

    public string ErrorEnumName(MethodModel method) => "global::" + ScopeNamespace(method.Scope) + "." + Naming.MethodTypePrefix(method) + "Error";

    /// <summary>The .NET type of a value, without the nullable mark.</summary>
    public string ClrType(TypeRef type) => type.Kind switch
    {
        WireKind.String => "string",
        WireKind.Boolean or WireKind.Flag => "bool",
        WireKind.Integer or WireKind.IntegerString => "int",
        WireKind.Number => "double",
        WireKind.Date => Runtime + ".Bitrix24Date",
        WireKind.DateTime => Runtime + ".Bitrix24DateTime",
        WireKind.UnixTime or WireKind.UnixTimeString => "global::System.DateTimeOffset",
        WireKind.Named => FullName(type.Name!),
        WireKind.Array or WireKind.Set => "global::System.Collections.Generic.IList<" + ClrType(type.Items!) + ">",
        WireKind.Map => "global::System.Collections.Generic.IDictionary<" + KeyClrType(type) + ", " + ClrType(type.Items!) + ">",
        _ => "object",
    };

    public string KeyClrType(TypeRef map) => map.KeyType switch
    {
        null => "string",
        TypeRef.IntegerKey => "int",
        var key => FullName(key),
    };

    public bool IsValueType(TypeRef type) => type.Kind switch
    {
        WireKind.Boolean or WireKind.Flag or WireKind.Integer or WireKind.IntegerString or WireKind.Number => true,
        WireKind.Date or WireKind.DateTime or WireKind.UnixTime or WireKind.UnixTimeString => true,
        WireKind.Named => Type(type.Name!).Kind is TypeKind.Enum or TypeKind.Key,
        _ => false,
    };

    /// <summary>A short description of a value for error messages, e.g. <c>a CalendarReminder</c>.</summary>
    public string Describe(TypeRef type) => type.Kind switch
    {
        WireKind.Named => "a " + type.Name,
        WireKind.Array => "an array",
        WireKind.Map or WireKind.Set => "an object",
        _ => "a value of type " + BuiltInTypes.Name(type.Kind),
    };
}
