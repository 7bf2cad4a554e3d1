namespace Bitrix24.Generated.Generator;

/// <summary>Names of the pipeline's steps, shared with the tests that check caching.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string Parsed = nameof(Parsed);
    public const string Validated = nameof(Validated);
    public const string RootNamespace = nameof(RootNamespace);
    public const string Combined = nameof(Combined);
    public const string Generation = nameof(Generation);
}
