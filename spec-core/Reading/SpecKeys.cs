namespace Bitrix24.Generated.Specs.Reading;

/// <summary>The keys each part of a spec may carry (kept in step with specs/spec.schema.json).</summary>
internal static class SpecKeys
{
    public static readonly string[] Method = { "method", "scope", "api", "access", "summary", "description", "docs", "deprecated", "csharpName", "idempotent", "paging", "pageItems", "fastPaging", "params", "result", "errors", "types", "examples" };
    public static readonly string[] Event = { "event", "scope", "access", "summary", "description", "docs", "csharpName", "data", "types", "examples" };
    public static readonly string[] EventExample = { "name", "payload" };
    public static readonly string[] Property = { "name", "csharpName", "type", "items", "key", "values", "required", "description", "default", "example", "filterable" };
    public static readonly string[] Result = { "type", "items", "key", "values", "description" };
    public static readonly string[] Error = { "name", "code", "status", "message", "description" };
    public static readonly string[] ElementType = { "type", "items", "key", "values" };
    public static readonly string[] TypeDefinition = { "kind", "description", "userFields", "properties", "values", "patterns", "variants" };
    public static readonly string[] UnionVariant = { "name", "type", "items", "key", "values", "description" };
    public static readonly string[] EnumValue = { "value", "csharpName", "description" };
    public static readonly string[] DocumentedValue = { "value", "description" };
    public static readonly string[] KeyPattern = { "name", "format", "description" };
    public static readonly string[] FastPaging = { "id", "filter", "order" };
    public static readonly string[] Example = { "name", "request", "status", "response" };
}
