using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;

namespace Bitrix24.SpecImporter.Corrections;

/// <summary>A type expression on one line for the report: <c>integer</c>, <c>array&lt;CrmDealGetDeal&gt;</c>, <c>map&lt;integer,string&gt;</c>.</summary>
internal static class TypeText
{
    /// <summary>The type as one line.</summary>
    public static string Of(TypeRef type) => type.Kind switch
    {
        WireKind.Named => type.Name!,
        WireKind.Array or WireKind.Set => BuiltInTypes.Name(type.Kind) + "<" + Of(type.Items!) + ">",
        WireKind.Map => "map<" + (type.KeyType ?? "string") + "," + Of(type.Items!) + ">",
        _ => BuiltInTypes.Name(type.Kind),
    };
}
