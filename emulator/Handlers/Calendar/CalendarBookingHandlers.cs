using System.Text.Json.Nodes;
using Bitrix24.Emulator.Specs;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator.Handlers.Calendar;

/// <summary>
/// <c>calendar.resource.booking.list</c>: bookings come from CRM, which the emulator does not keep, so it answers
/// the documented example, after the check a portal makes that the filter names resources or bookings.
/// </summary>
internal sealed class CalendarBookingHandlers
{
    private readonly MethodModel? _spec;

    public CalendarBookingHandlers(SpecCatalog specs) => _spec = specs.Find("calendar.resource.booking.list");

    public void Register(MethodRegistry registry)
    {
        if (_spec is not null)
        {
            registry.Add(_spec.Name, List);
        }
    }

    private MethodResult List(MethodCall call)
    {
        var filter = call.Parameters["filter"] as JsonObject;
        if (filter?["resourceTypeIdList"] is null && filter?["resourceIdList"] is null)
        {
            throw new Bitrix24EmulatorError(400, string.Empty, "The required parameter \"filter['resourceTypeIdList']\" is not set for the method \"calendar.resource.booking.list\"");
        }

        return SpecCatalog.ExampleAnswer(_spec!) ?? throw new Bitrix24EmulatorError(501, "ERROR_NOT_EMULATED", "The spec of \"calendar.resource.booking.list\" has no successful example to answer with");
    }
}
