using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// The base of every generated request and response class: the fields a portal sent that the spec does not
/// describe, kept so that nothing is lost when an object is read and written back.
/// </summary>
public abstract class Bitrix24Object
{
    /// <summary>
    /// Fields not described by the spec, and described fields whose value read as empty (<c>null</c>, <c>""</c>,
    /// an enum value this version does not know): kept as sent and written back, unless the property was set.
    /// </summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A generated object type: the table of its fields, which the runtime reads and writes it by.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IBitrix24Object
{
    /// <summary>The fields: wire name, wire form, and the property each stands for.</summary>
    Bitrix24Fields Fields { get; }
}
