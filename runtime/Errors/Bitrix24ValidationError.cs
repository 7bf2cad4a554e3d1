namespace Bitrix24.Generated;

/// <summary>One entry of a REST 3.0 error's <c>validation</c> list: a request field and what is wrong with it.</summary>
/// <param name="Field">The field, e.g. <c>deadline</c>; null when the portal names none.</param>
/// <param name="Message">What is wrong, in the portal's language.</param>
public sealed record Bitrix24ValidationError(string? Field, string Message);
