namespace Bitrix24.Emulator.Handlers.Calendar;

/// <summary>The calendar scope: settings, sections, events and meetings, resources and their bookings.</summary>
internal sealed class CalendarModule : IEmulatorModule
{
    public void Register(MethodRegistry methods, EmulatorContext context)
    {
        new CalendarSettingsHandlers().Register(methods);
        // Events are filed in sections, so the event handlers share the sections kept here.
        var sections = new CalendarSectionHandlers(context.TimeProvider);
        sections.Register(methods);
        new CalendarEventHandlers(sections, context.TimeProvider, context.DateFormat).Register(methods);
        new CalendarBookingHandlers(context.Specs).Register(methods);
        new CalendarResourceHandlers().Register(methods);
    }
}
