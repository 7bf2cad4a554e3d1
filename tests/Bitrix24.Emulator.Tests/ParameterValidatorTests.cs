using System;
using System.Text.Json.Nodes;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Specs;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// Values a handler or a batch builds in code (an int, a long, a double) pass the same checks as the values read
/// from a request, which hold their JSON text.
/// </summary>
public sealed class ParameterValidatorTests
{
    private static readonly SpecCatalog Catalog = SpecCatalog.Load([]);
    private static readonly ParameterValidator Validator = new(Catalog, PortalDateFormat.DayFirst);

    public static TheoryData<JsonNode> Integers => new()
    {
        JsonValue.Create(5),
        JsonValue.Create(5L),
        JsonValue.Create((short)5),
        JsonNode.Parse("5")!,
        JsonValue.Create("5"),
    };

    [Theory]
    [MemberData(nameof(Integers))]
    public void An_integer_parameter_takes_a_whole_number_however_it_is_held(JsonNode section)
    {
        var call = new JsonObject { ["type"] = "user", ["ownerId"] = JsonValue.Create(2), ["name"] = "Meeting", ["from"] = "2024-06-14", ["to"] = "2024-06-14", ["section"] = section };

        Assert.Null(Validator.Validate(Catalog.Find("calendar.event.add")!, call));
    }

    [Fact]
    public void An_integer_parameter_refuses_a_fraction_built_in_code()
    {
        var call = new JsonObject { ["type"] = "user", ["ownerId"] = JsonValue.Create(2), ["name"] = "Meeting", ["from"] = "2024-06-14", ["to"] = "2024-06-14", ["section"] = JsonValue.Create(5.5) };

        var error = Validator.Validate(Catalog.Find("calendar.event.add")!, call);

        Assert.NotNull(error);
        Assert.Contains("section", error.Message, StringComparison.Ordinal);
    }
}
