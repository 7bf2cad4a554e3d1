using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// The types the examples contradict outright, not only refine: a value of a shape the declared type cannot hold
/// would fall into the catch-all of a request (which then does not write back as sent) or be read as another shape.
/// The documented examples show what the portal really sends, so they win over the table.
/// </summary>
internal static class ShapeConflicts
{
    private const ShapeForm Numbers = ShapeForm.IntegerNumber | ShapeForm.Fraction;
    private const ShapeForm NumericText = ShapeForm.NumericString | ShapeForm.DecimalString;
    private const ShapeForm Structures = ShapeForm.JsonObject | ShapeForm.JsonArray;

    /// <summary>
    /// The kind that holds what the examples show at a slot declared <paramref name="declared"/>, or null when
    /// nothing contradicts it. <paramref name="forms"/> is what every example showed, <paramref name="requests"/>
    /// what the requests alone sent.
    /// </summary>
    public static WireKind? Refined(WireKind declared, ShapeForm forms, ShapeForm requests)
    {
        if (forms == ShapeForm.None)
        {
            return null;
        }

        switch (declared)
        {
            // A structure's own slot only records values that are not that structure (ExampleShapes); false stands
            // for a missing list or object, which every reader takes.
            case WireKind.Named or WireKind.Array or WireKind.Map:
                return (forms & ~ShapeForm.TrueFalse) != 0 ? WireKind.Json : null;
            case WireKind.Set or WireKind.Json:
                return null;

            // A file's slot only records values a file cannot read (ExampleShapes), besides the fileData form.
            case WireKind.File or WireKind.FileData:
                return (forms & ~ShapeForm.FileData) != 0 ? WireKind.Json : null;
        }

        if ((forms & Structures) != 0)
        {
            return WireKind.Json;
        }

        return declared switch
        {
            // A "boolean" the examples send as 0/1 is a number on the wire.
            WireKind.Boolean when forms == ShapeForm.IntegerNumber => WireKind.Integer,
            WireKind.Number when (forms & NumericText) != 0 && (forms & ~NumericText) == 0 => WireKind.String,
            // A string written back as "1" where the request sent 1 is not the same call: take the request's form.
            WireKind.String when (requests & Numbers) != 0 => Numeric(forms),
            // An "integer" a request sends as text ("N", "65e5a449e8f135.21284909") is an identifier of letters.
            WireKind.Integer when (requests & (ShapeForm.Other | ShapeForm.YesNo)) != 0 => (forms & Numbers) == 0 ? WireKind.String : WireKind.Json,
            // A "flag" the examples send as other text ("2", "D") is a code or an identifier: a flag would not read it.
            WireKind.Flag when (forms & (NumericText | ShapeForm.Other)) != 0 =>
                (forms & ~(ShapeForm.YesNo | NumericText | ShapeForm.Other)) == 0 ? WireKind.String : WireKind.Json,
            _ => null,
        };
    }

    // What holds both the numbers a request sends and the text the answers send for the same slot.
    private static WireKind Numeric(ShapeForm forms) =>
        (forms & ~(ShapeForm.IntegerNumber | ShapeForm.NumericString)) == 0 ? WireKind.Integer
        : (forms & ~(Numbers | NumericText)) == 0 ? WireKind.Number
        : WireKind.Json;
}
