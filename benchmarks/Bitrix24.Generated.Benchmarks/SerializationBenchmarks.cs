using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Bitrix24.Generated;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Benchmarks;

/// <summary>
/// The generated converters against what a developer would write without them: a POCO with the wire's own string
/// fields, serialized by source-generated System.Text.Json (the baseline), and by reflection-based System.Text.Json.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializationBenchmarks
{
    // The user settings answer of the documentation.
    private static readonly byte[] SettingsJson = Encoding.UTF8.GetBytes("""{"view":"month","meetSection":"4","crmSection":"4","showDeclined":true,"denyBusyInvitation":false,"collapseOffHours":"N","showWeekNumbers":"N","showTasks":"Y","syncTasks":"N","showCompletedTasks":"N","lastUsedSection":"false","sendFromEmail":"","defaultSections":{"user1":"4","group6":"49"},"syncPeriodPast":"3","syncPeriodFuture":"12","defaultReminders":{"fullDay":[{"type":"min","count":15}],"withTime":[{"type":"min","count":50}]},"timezoneName":"Europe/Berlin","timezoneOffsetUTC":7200,"timezoneDefaultName":"","work_time_start":"9.00","work_time_end":"19.00"}""");

    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    private readonly CalendarUserSettingsInfo _typed = JsonSerializer.Deserialize(SettingsJson, Bitrix24JsonContext.Default.CalendarUserSettingsInfo)!;
    private readonly WireSettings _wire = JsonSerializer.Deserialize<WireSettings>(SettingsJson, Reflection)!;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Read")]
    public WireSettings? ReadBySourceGeneration() => JsonSerializer.Deserialize(SettingsJson, WireJsonContext.Default.WireSettings);

    [Benchmark]
    [BenchmarkCategory("Read")]
    public WireSettings? ReadByReflection() => JsonSerializer.Deserialize<WireSettings>(SettingsJson, Reflection);

    [Benchmark]
    [BenchmarkCategory("Read")]
    public CalendarUserSettingsInfo? ReadGenerated() => JsonSerializer.Deserialize(SettingsJson, Bitrix24JsonContext.Default.CalendarUserSettingsInfo);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Write")]
    public byte[] WriteBySourceGeneration() => JsonSerializer.SerializeToUtf8Bytes(_wire, WireJsonContext.Default.WireSettings);

    [Benchmark]
    [BenchmarkCategory("Write")]
    public byte[] WriteByReflection() => JsonSerializer.SerializeToUtf8Bytes(_wire, Reflection);

    [Benchmark]
    [BenchmarkCategory("Write")]
    public byte[] WriteGenerated() => JsonSerializer.SerializeToUtf8Bytes(_typed, Bitrix24JsonContext.Default.CalendarUserSettingsInfo);
}

/// <summary>The settings as the wire has them: strings for flags and numbers, a string-keyed map.</summary>
public sealed class WireSettings
{
    [JsonPropertyName("view")] public string? View { get; set; }
    [JsonPropertyName("meetSection")] public string? MeetSection { get; set; }
    [JsonPropertyName("crmSection")] public string? CrmSection { get; set; }
    [JsonPropertyName("showDeclined")] public bool? ShowDeclined { get; set; }
    [JsonPropertyName("denyBusyInvitation")] public bool? DenyBusyInvitation { get; set; }
    [JsonPropertyName("collapseOffHours")] public string? CollapseOffHours { get; set; }
    [JsonPropertyName("showWeekNumbers")] public string? ShowWeekNumbers { get; set; }
    [JsonPropertyName("showTasks")] public string? ShowTasks { get; set; }
    [JsonPropertyName("syncTasks")] public string? SyncTasks { get; set; }
    [JsonPropertyName("showCompletedTasks")] public string? ShowCompletedTasks { get; set; }
    [JsonPropertyName("lastUsedSection")] public string? LastUsedSection { get; set; }
    [JsonPropertyName("sendFromEmail")] public string? SendFromEmail { get; set; }
    [JsonPropertyName("defaultSections")] public Dictionary<string, string>? DefaultSections { get; set; }
    [JsonPropertyName("syncPeriodPast")] public string? SyncPeriodPast { get; set; }
    [JsonPropertyName("syncPeriodFuture")] public string? SyncPeriodFuture { get; set; }
    [JsonPropertyName("defaultReminders")] public WireReminders? DefaultReminders { get; set; }
    [JsonPropertyName("timezoneName")] public string? TimezoneName { get; set; }
    [JsonPropertyName("timezoneOffsetUTC")] public int? TimezoneOffsetUtc { get; set; }
    [JsonPropertyName("timezoneDefaultName")] public string? TimezoneDefaultName { get; set; }
    [JsonPropertyName("work_time_start")] public string? WorkTimeStart { get; set; }
    [JsonPropertyName("work_time_end")] public string? WorkTimeEnd { get; set; }
}

/// <summary>Default reminders as the wire has them.</summary>
public sealed class WireReminders
{
    [JsonPropertyName("fullDay")] public List<WireReminder>? FullDay { get; set; }
    [JsonPropertyName("withTime")] public List<WireReminder>? WithTime { get; set; }
}

/// <summary>One reminder as the wire has it.</summary>
public sealed class WireReminder
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("count")] public int Count { get; set; }
}
