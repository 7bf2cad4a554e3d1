using System;
using System.Linq;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Import;

namespace Bitrix24.SpecImporter.Tests.Rest3;

/// <summary>REST 3.0 method pages written for the tests, and the checks every import of them must pass.</summary>
internal static class Rest3Pages
{
    /// <summary>A REST 3.0 method page: title, scope, the version's note, a parameter table and a response section.</summary>
    public static string Page(string method, string parameters, string answer, string returned) => $$"""
        # Gadget method {{method}}

        > Scope: [`shop`](../scopes.md)

        {% note info "" %}

        This method belongs to REST 3.0, described in the [REST 3.0 overview](../rest-v3.md).

        {% endnote %}

        ## Method Parameters

        #|
        || **Name**
        `type` | **Description** ||
        {{parameters}}
        |#

        ## Response Handling

        HTTP status: **200**

        ```json
        {{answer}}
        ```

        ### Returned Data

        #|
        || **Name**
        `type` | **Description** ||
        || **result**
        [`object`](../data-types.md) | Object with the answer ||
        {{returned}}
        || **time**
        [`time`](../data-types.md#time) | Timing ||
        |#
        """;

    /// <summary>The gadget's fields as a flat result table lists them after the item row.</summary>
    public const string GadgetFields = """
        || **id**
        [`integer`](../data-types.md) | Gadget identifier ||
        || **title**
        [`string`](../data-types.md) | Gadget title ||
        || **price**
        [`double`](../data-types.md) | Gadget price ||
        """;

    /// <summary>Every written spec reads without errors alone and, together, links without errors.</summary>
    public static void AssertReadBack(ImportResult result)
    {
        foreach (var (file, text) in result.Files)
        {
            var document = SpecDocument.Read(file, text);
            Assert.True(!document.Diagnostics.Any(diagnostic => diagnostic.IsError), file + ": " + string.Join("; ", document.Diagnostics.Select(diagnostic => diagnostic.Message)));
        }

        var set = SpecSet.Read(result.Files.Select(file => (file.Key, (string?)file.Value)));
        Assert.True(!set.Diagnostics.Any(diagnostic => diagnostic.IsError), string.Join("; ", set.Diagnostics.Where(diagnostic => diagnostic.IsError).Select(diagnostic => diagnostic.Message)));
        Assert.DoesNotContain(result.Outcomes, outcome => outcome.IsMethod && outcome.File is null);
    }

    /// <summary>The spec of a written file as read back.</summary>
    public static MethodModel Method(ImportResult result, string file) => SpecDocument.Read(file, result.Files[file]).Method!;

    /// <summary>A declared type of a spec.</summary>
    public static TypeModel Type(MethodModel method, string name) => method.Types.Single(type => type.Name == name);

    /// <summary>A property of a type.</summary>
    public static PropertyModel Property(TypeModel type, string name) => type.Properties.Single(property => property.WireName == name);
}
