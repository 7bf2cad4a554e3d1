using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// The base of every generated request and response class: the fields a portal sent that the spec does not
/// describe, kept so that nothing is lost when an object is read and written back.
/// </summary>
public abstract class Bitrix24Object
{
    /// <summary>
    /// Fields not described by the spec (but for the custom fields of a type that keeps them in <c>UserFields</c>), and
    /// described fields whose value read as empty (<c>null</c>, <c>""</c>, an enum value this version does not know):
    /// kept as sent and written back, unless the property or a user field of the same name was set.
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

/// <summary>
/// A generated object type whose spec names the prefix of the portal's custom fields (<c>userFields</c>): the fields
/// that start with it and that no property names (<c>UF_CRM_1721244482250</c>, <c>ufCrm7_1739432938</c>) are kept
/// here by name. The prefix is its field table's.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IBitrix24UserFields
{
    /// <summary>The custom fields by wire name, each value as raw JSON.</summary>
    IDictionary<string, JsonNode?>? UserFields { get; set; }
}
