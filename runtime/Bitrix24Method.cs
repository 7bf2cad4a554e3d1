using System;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated;

/// <summary>
/// What the runtime needs to know about a method besides its parameters: its name, whether a call may be
/// replayed when its answer was lost, and its documented errors. Generated clients keep one per method.
/// </summary>
public class Bitrix24Method
{
    private string? _activityName;

    /// <summary>Describes a method.</summary>
    /// <param name="name">The REST method, e.g. <c>calendar.user.settings.set</c>.</param>
    /// <param name="idempotent">Whether running a call twice has the effect of running it once.</param>
    /// <param name="errors">The method's documented errors, or null.</param>
    /// <param name="api">The API the method is called through; REST 3.0 methods live at <c>/rest/api/</c>.</param>
    public Bitrix24Method(string name, bool idempotent = false, Bitrix24ErrorMap? errors = null, Bitrix24ApiVersion api = Bitrix24ApiVersion.Classic)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A method name is required.", nameof(name));
        }

        Name = name;
        IsIdempotent = idempotent;
        Errors = errors;
        Api = api;
    }

    /// <summary>The REST method name.</summary>
    public string Name { get; }

    /// <summary>Whether a call may be replayed after a failure that may have happened after it ran.</summary>
    public bool IsIdempotent { get; }

    /// <summary>The documented errors, or null.</summary>
    public Bitrix24ErrorMap? Errors { get; }

    /// <summary>
    /// The API the method is called through. For <see cref="Bitrix24ApiVersion.Rest3"/> the result converter reads
    /// the envelope's <c>result</c> object whole (<c>{"item": ...}</c>, <c>{"items": [...]}</c>, <c>{"result": true}</c>
    /// or a method's own fields), as the portal sends it.
    /// </summary>
    public Bitrix24ApiVersion Api { get; }

    // Made once, and only when someone listens: a call's activity is named after its method.
    internal string ActivityName => _activityName ??= "Bitrix24 " + Name;

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A method together with how its <c>result</c> is read; generated clients keep one per method.</summary>
/// <typeparam name="TResult">The type of <c>result</c>.</typeparam>
public sealed class Bitrix24Method<TResult> : Bitrix24Method
{
    /// <summary>Describes a method and its result.</summary>
    /// <param name="name">The REST method, e.g. <c>calendar.user.settings.set</c>.</param>
    /// <param name="result">Reads <c>result</c>.</param>
    /// <param name="idempotent">Whether running a call twice has the effect of running it once.</param>
    /// <param name="errors">The method's documented errors, or null.</param>
    /// <param name="api">The API the method is called through; for REST 3.0 <paramref name="result"/> reads the <c>result</c> object whole.</param>
    public Bitrix24Method(string name, JsonConverter<TResult> result, bool idempotent = false, Bitrix24ErrorMap? errors = null, Bitrix24ApiVersion api = Bitrix24ApiVersion.Classic)
        : base(name, idempotent, errors, api)
    {
        Result = result ?? throw new ArgumentNullException(nameof(result));
    }

    /// <summary>Reads <c>result</c>.</summary>
    public JsonConverter<TResult> Result { get; }
}
