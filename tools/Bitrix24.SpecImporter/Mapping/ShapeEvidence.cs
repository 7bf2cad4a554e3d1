using System.Collections.Generic;
using System;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// A place a documented value can stand: a parameter of a method (<c>params crm.deal.add</c>), a method's result
/// (<c>result crm.deal.add</c>, no property) or a property of a declared type (<c>type CrmDealGetDeal</c>), and the
/// way into collections (<c>[]</c> for an array's items, <c>{}</c> for a map's values). Declared types are named the
/// same in every spec that declares them, so their slots gather the examples of every method that uses them.
/// </summary>
internal readonly record struct ShapeSlot(string Owner, string Property, string Path)
{
    /// <summary>The slot of a collection's items (<c>[]</c>) or a map's values (<c>{}</c>).</summary>
    public ShapeSlot Into(string step) => this with { Path = Path + step };

    /// <summary>The slot as the report and the tests name it: <c>type CrmDealGetDeal.ID[]</c>.</summary>
    public override string ToString() => Owner + (Property.Length > 0 ? "." + Property : string.Empty) + Path;
}

/// <summary>The JSON forms a slot's example values took; a value that is null or an empty string shows nothing.</summary>
[Flags]
internal enum ShapeForm
{
    /// <summary>Nothing seen.</summary>
    None = 0,

    /// <summary>A JSON number without fraction: <c>410</c>.</summary>
    IntegerNumber = 1,

    /// <summary>A JSON number with a fraction: <c>9.5</c>.</summary>
    Fraction = 2,

    /// <summary>A string holding a whole number that fits an <c>int</c>, without sign or leading zeros: <c>"410"</c>.</summary>
    NumericString = 4,

    /// <summary>The string <c>"Y"</c> or <c>"N"</c>.</summary>
    YesNo = 8,

    /// <summary>JSON <c>true</c> or <c>false</c>.</summary>
    TrueFalse = 16,

    /// <summary>Anything else: text, a number written oddly.</summary>
    Other = 32,

    /// <summary>A JSON object, where the declared type is not one.</summary>
    JsonObject = 64,

    /// <summary>A JSON array with items, where the declared type is not one; an empty one shows nothing (PHP writes it for any empty value).</summary>
    JsonArray = 128,

    /// <summary>A string holding a number that is not a plain whole number: <c>"54.71411"</c>.</summary>
    DecimalString = 256,

    /// <summary>A new file sent as <c>{"fileData": [...]}</c>, where a file is declared.</summary>
    FileData = 512,
}

/// <summary>
/// What the documented examples showed at each slot, and the refinement it allows: a declared type changes only
/// when every value seen fits the refined type and none contradicts it.
/// </summary>
internal sealed class ShapeEvidence
{
    private readonly Dictionary<ShapeSlot, ShapeForm> _forms = [];

    // What requests alone showed: a request must write back as sent, an answer only must not lose a field.
    private readonly Dictionary<ShapeSlot, ShapeForm> _requestForms = [];

    // By declared object type, the prefixes of the custom fields the examples put into it beside its properties.
    private readonly Dictionary<string, SortedSet<string>> _userFields = new(StringComparer.Ordinal);

    /// <summary>Records a value's form at a slot; <paramref name="request"/> when a documented request sent it.</summary>
    public void Add(ShapeSlot slot, ShapeForm form, bool request = false)
    {
        if (form != ShapeForm.None)
        {
            _forms[slot] = Forms(slot) | form;
            if (request)
            {
                _requestForms[slot] = RequestForms(slot) | form;
            }
        }
    }

    /// <summary>Adds what another set of examples showed, so that a type shared by several methods weighs all of them.</summary>
    public void Merge(ShapeEvidence other)
    {
        foreach (var (slot, form) in other._forms)
        {
            Add(slot, form);
        }

        foreach (var (slot, form) in other._requestForms)
        {
            _requestForms[slot] = RequestForms(slot) | form;
        }

        foreach (var (type, prefixes) in other._userFields)
        {
            foreach (var prefix in prefixes)
            {
                AddUserField(type, prefix);
            }
        }
    }

    /// <summary>Records that an example puts a custom field (<see cref="UserFieldNames"/>) that the type does not declare into an object of it.</summary>
    public void AddUserField(string type, string prefix)
    {
        if (!_userFields.TryGetValue(type, out var prefixes))
        {
            _userFields[type] = prefixes = new SortedSet<string>(StringComparer.Ordinal);
        }

        prefixes.Add(prefix);
    }

    /// <summary>
    /// The prefix of the custom fields the examples put into objects of a declared type, or null: when they put none,
    /// and when they put fields of both prefixes, which one map cannot tell apart.
    /// </summary>
    public string? UserFields(string type) => _userFields.TryGetValue(type, out var prefixes) && prefixes.Count == 1 ? prefixes.Min : null;

    /// <summary>The forms seen at a slot.</summary>
    public ShapeForm Forms(ShapeSlot slot) => _forms.TryGetValue(slot, out var forms) ? forms : ShapeForm.None;

    /// <summary>The forms documented requests sent at a slot.</summary>
    public ShapeForm RequestForms(ShapeSlot slot) => _requestForms.TryGetValue(slot, out var forms) ? forms : ShapeForm.None;

    /// <summary>The kind the examples show for a slot declared as <paramref name="declared"/>, or null to keep it.</summary>
    public WireKind? Refined(ShapeSlot slot, WireKind declared)
    {
        var forms = Forms(slot);
        var requests = RequestForms(slot);
        if (ShapeConflicts.Refined(declared, forms, requests) is { } conflict)
        {
            return conflict;
        }

        return declared switch
        {
            WireKind.Integer when forms == ShapeForm.NumericString => WireKind.IntegerString,
            // A number reads whole numbers too, so whole numbers beside a fraction do not contradict it.
            WireKind.Integer when forms.HasFlag(ShapeForm.Fraction) && (forms & ~(ShapeForm.Fraction | ShapeForm.IntegerNumber)) == 0 => WireKind.Number,
            WireKind.Boolean when forms == ShapeForm.YesNo => WireKind.Flag,
            WireKind.Flag when forms == ShapeForm.TrueFalse => WireKind.Boolean,
            WireKind.UnixTime when forms == ShapeForm.NumericString => WireKind.UnixTimeString,
            // A documented request sends a new file as {"fileData": [...]}: a file written back so.
            WireKind.File when requests.HasFlag(ShapeForm.FileData) => WireKind.FileData,
            _ => null,
        };
    }
}
