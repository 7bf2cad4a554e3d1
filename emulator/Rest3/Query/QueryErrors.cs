namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>The errors a REST 3.0 query answers, with the codes and 400 status the portal gives them.</summary>
internal static class QueryErrors
{
    public const string UnknownProperty = "BITRIX_REST_V3_EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION";
    public const string UnknownOperator = "BITRIX_REST_V3_EXCEPTION_UNKNOWNFILTEROPERATOREXCEPTION";
    public const string EntityNotFound = "BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION";

    /// <summary>A parameter that does not fit: REST 3.0 names it under <c>validation</c>.</summary>
    public static Bitrix24EmulatorError Invalid(string field, string message) =>
        new(400, Rest3EnvelopeWriter.RequestValidation, message) { Problem = new FieldProblem(field, message) };

    /// <summary>A field the entity (or a related one) does not have.</summary>
    public static Bitrix24EmulatorError UnknownField(string field, string entity) =>
        new(400, UnknownProperty, "Unknown field `" + field + "` for entity `" + entity + "`");

    /// <summary>An operator the filter language does not have.</summary>
    public static Bitrix24EmulatorError Operator(string op) =>
        new(400, UnknownOperator, "Unknown filter operator `" + op + "`");

    /// <summary>No entity has the id.</summary>
    public static Bitrix24EmulatorError NotFound(long id) =>
        new(400, EntityNotFound, "Record with ID = `" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "` not found");
}
