using System.Globalization;
using System.Text;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Mapping;

namespace Bitrix24.SpecImporter.Writing;

/// <summary>
/// Writes an imported spec in the layout of the shipped specs: the method's keys, then params, result, errors,
/// types and examples, each part after a blank line. The output depends on the spec alone, so a re-import writes
/// the same bytes.
/// </summary>
internal sealed partial class SpecYamlWriter
{
    private readonly StringBuilder _text = new();

    private SpecYamlWriter()
    {
    }

    /// <summary>The YAML of a spec.</summary>
    public static string Write(ImportedSpec spec)
    {
        var writer = new SpecYamlWriter();
        writer.Spec(spec);
        return writer._text.ToString();
    }

    private void Spec(ImportedSpec spec)
    {
        var method = spec.Method;
        Line(0, "# yaml-language-server: $schema=../spec.schema.json");
        Key(0, "method", method.Name);
        Key(0, "scope", method.Scope);
        if (method.Api == MethodApi.V3)
        {
            Line(0, "api: v3");
        }

        Key(0, "access", method.Access);
        Key(0, "summary", method.Summary);
        Key(0, "description", method.Description);
        Key(0, "docs", method.Docs);
        Key(0, "csharpName", method.CSharpName);
        if (method.Deprecated is { } successor)
        {
            Line(0, "deprecated: " + (successor.Length == 0 ? "true" : successor));
        }

        if (method.Idempotent)
        {
            Line(0, "idempotent: true");
        }

        if (method.Paged && method.Paging == MethodPaging.Page)
        {
            // A REST 3.0 list holds its page in items unless it says otherwise.
            Line(0, "paging: page");
            Key(0, "pageItems", method.PageItems?.WireName is "items" ? null : method.PageItems?.WireName);
        }
        else if (method.Paged)
        {
            Line(0, "paging: start");
            Key(0, "pageItems", method.PageItems?.WireName);
        }

        if (method.FastPaging is { } fast)
        {
            Line(0, "fastPaging:");
            Key(1, "id", fast.IdProperty);
            Key(1, "filter", fast.FilterParameter);
            Key(1, "order", fast.OrderParameter);
        }

        if (!method.Parameters.IsEmpty)
        {
            Line(0, string.Empty);
            Line(0, "params:");
            Properties(1, method.Parameters);
        }

        Line(0, string.Empty);
        Line(0, "result:");
        Type(1, method.Result.Type);
        Key(1, "description", method.Result.Description);
        Errors(method.Errors);
        Types(method.Types);
        Examples(method.Examples);
    }

    private void Properties(int depth, EquatableArray<PropertyModel> properties)
    {
        foreach (var property in properties)
        {
            Line(depth, "- name: " + YamlText.Scalar(property.WireName));
            var inner = depth + 1;
            if (property.CSharpName != Names.ToPascalCase(property.WireName))
            {
                Key(inner, "csharpName", property.CSharpName);
            }

            Type(inner, property.Type);
            if (property.Required)
            {
                Line(inner, "required: true");
            }

            if (property.Filterable)
            {
                Line(inner, "filterable: true");
            }

            Key(inner, "description", property.Description);
            Key(inner, "default", property.Default);
            Key(inner, "example", property.Example);

            if (!property.Values.IsEmpty && property.Type.Kind != WireKind.Map)
            {
                Line(inner, "values:");
                foreach (var value in property.Values)
                {
                    Line(inner, "  - value: " + YamlText.Scalar(value.Value));
                    Key(inner + 2, "description", value.Description);
                }
            }
        }
    }

    // type, then items / key and values for collections; a collection of collections names its items by a mapping.
    private void Type(int depth, TypeRef type)
    {
        Key(depth, "type", Name(type));
        switch (type.Kind)
        {
            case WireKind.Array or WireKind.Set or WireKind.Filter or WireKind.Select:
                Element(depth, "items", type.Items!);
                break;
            case WireKind.Map:
                Key(depth, "key", type.KeyType);
                Element(depth, "values", type.Items!);
                break;
        }
    }

    private void Element(int depth, string key, TypeRef element)
    {
        if (element.Kind is WireKind.Array or WireKind.Set or WireKind.Map)
        {
            Line(depth, key + ":");
            Type(depth + 1, element);
        }
        else
        {
            Key(depth, key, Name(element));
        }
    }

    private static string Name(TypeRef type) => type.Kind == WireKind.Named ? type.Name! : BuiltInTypes.Name(type.Kind);

    private void Errors(EquatableArray<ErrorModel> errors)
    {
        if (errors.IsEmpty)
        {
            return;
        }

        Line(0, string.Empty);
        Line(0, "errors:");
        foreach (var error in errors)
        {
            Line(1, "- name: " + error.Name);
            Line(2, "code: " + (error.Code.Length == 0 ? "\"\"" : YamlText.Scalar(error.Code)));
            Line(2, "status: " + error.Status.ToString(CultureInfo.InvariantCulture));
            Key(2, "message", error.Message);
            Key(2, "description", error.Description);
        }
    }

    private void Types(EquatableArray<TypeModel> types)
    {
        if (types.IsEmpty)
        {
            return;
        }

        Line(0, string.Empty);
        Line(0, "types:");
        foreach (var type in types)
        {
            Line(1, type.Name + ":");
            Line(2, "kind: object");
            Key(2, "description", type.Description);
            Key(2, "userFields", type.UserFields);
            if (type.Properties.IsEmpty)
            {
                Line(2, "properties: []");
                continue;
            }

            Line(2, "properties:");
            Properties(3, type.Properties);
        }
    }

    private void Examples(EquatableArray<ExampleModel> examples)
    {
        if (examples.IsEmpty)
        {
            return;
        }

        Line(0, string.Empty);
        Line(0, "examples:");
        foreach (var example in examples)
        {
            Line(1, "- name: " + YamlText.Scalar(example.Name));
            if (example.Request is not null)
            {
                Line(2, "request: " + YamlText.Json(example.Request));
            }

            Line(2, "status: " + example.Status.ToString(CultureInfo.InvariantCulture));
            if (example.Response is not null)
            {
                Line(2, "response: " + YamlText.Json(example.Response));
            }
        }
    }

    private void Key(int depth, string key, string? value)
    {
        if (value is not null)
        {
            Line(depth, key + ": " + YamlText.Scalar(value));
        }
    }

    private void Line(int depth, string text)
    {
        if (text.Length > 0)
        {
            _text.Append(' ', depth * 2).Append(text);
        }

        _text.Append('\n');
    }
}
