using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Handlers.Calendar;

/// <summary>
/// The calendar settings methods, with per-user state: what <c>calendar.user.settings.set</c> stores,
/// <c>calendar.user.settings.get</c> returns, merged over the settings a fresh portal starts with.
/// </summary>
internal sealed class CalendarSettingsHandlers
{
    private readonly ConcurrentDictionary<int, JsonObject> _userSettings = new();

    public void Register(MethodRegistry registry)
    {
        registry.Add("calendar.user.settings.set", Set);
        registry.Add("calendar.user.settings.get", Get);
        registry.Add("calendar.settings.get", _ => PortalSettings());
    }

    private MethodResult Set(MethodCall call)
    {
        var settings = call.Parameters["settings"];
        if (settings is null)
        {
            throw Bitrix24EmulatorError.MissingParameter(call.Method, "settings");
        }

        if (settings is not JsonObject given)
        {
            throw new Bitrix24EmulatorError(400, string.Empty, "Invalid value for the parameter \"settings\"");
        }

        var stored = _userSettings.GetOrAdd(call.UserId, _ => new JsonObject());
        lock (stored)
        {
            // Only the fields sent change; the others keep their values, as on a portal.
            foreach (var field in given)
            {
                stored[field.Key] = field.Value?.DeepClone();
            }
        }

        return JsonValue.Create(true);
    }

    private MethodResult Get(MethodCall call)
    {
        var result = DefaultUserSettings();
        if (_userSettings.TryGetValue(call.UserId, out var stored))
        {
            lock (stored)
            {
                foreach (var field in stored)
                {
                    result[field.Key] = field.Value?.DeepClone();
                }
            }
        }

        return result;
    }

    // What a new user's settings look like on a portal set to Central European time.
    private static JsonObject DefaultUserSettings() => new()
    {
        ["view"] = "month",
        ["meetSection"] = "4",
        ["crmSection"] = "4",
        ["showDeclined"] = true,
        ["denyBusyInvitation"] = false,
        ["collapseOffHours"] = "N",
        ["showWeekNumbers"] = "N",
        ["showTasks"] = "Y",
        ["syncTasks"] = "N",
        ["showCompletedTasks"] = "N",
        ["lastUsedSection"] = "false",
        ["sendFromEmail"] = "",
        ["defaultSections"] = new JsonArray(),
        ["syncPeriodPast"] = "3",
        ["syncPeriodFuture"] = "12",
        ["defaultReminders"] = new JsonObject
        {
            ["fullDay"] = new JsonArray(new JsonObject { ["type"] = "min", ["count"] = 15 }),
            ["withTime"] = new JsonArray(new JsonObject { ["type"] = "min", ["count"] = 15 }),
        },
        ["timezoneName"] = "Europe/Berlin",
        ["timezoneOffsetUTC"] = 3600,
        ["timezoneDefaultName"] = "",
        ["work_time_start"] = "9.00",
        ["work_time_end"] = "19.00",
    };

    private static JsonObject PortalSettings() => new()
    {
        ["work_time_start"] = "9",
        ["work_time_end"] = "19",
        ["year_holidays"] = "1.01,2.01,7.01,23.02,8.03,1.05,9.05,12.06,4.11",
        ["year_workdays"] = "31.12",
        ["week_holidays"] = new JsonArray("SA", "SU"),
        ["week_start"] = "MO",
        ["user_name_template"] = "#NAME# #LAST_NAME#",
        ["sync_by_push"] = false,
        ["user_show_login"] = true,
        ["path_to_user"] = "/company/personal/user/#user_id#/",
        ["path_to_user_calendar"] = "/company/personal/user/#user_id#/calendar/",
        ["path_to_group"] = "/workgroups/group/#group_id#/",
        ["path_to_group_calendar"] = "/workgroups/group/#group_id#/calendar/",
        ["path_to_vr"] = "",
        ["path_to_rm"] = "",
        ["rm_iblock_type"] = "",
        ["rm_iblock_id"] = "",
        ["dep_manager_sub"] = true,
        ["denied_superpose_types"] = new JsonArray(),
        ["pathes_for_sites"] = "",
        ["forum_id"] = "8",
        ["rm_for_sites"] = true,
        ["path_to_type_company_calendar"] = "",
        ["path_to_type_location"] = "",
        ["path_to_type_open_event"] = "",
    };
}
