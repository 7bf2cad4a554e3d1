namespace Bitrix24.Generated.Generator;

/// <summary>Names of the pipeline's steps, shared with the tests that check caching.</summary>
internal static class TrackingNames
{
    /// <summary>Each spec file read into its model (null when the file has errors of its own).</summary>
    public const string Read = nameof(Read);

    /// <summary>The index of all specs that read without errors.</summary>
    public const string Index = nameof(Index);

    /// <summary>Each spec linked against the index: what it contributes to generation.</summary>
    public const string Linked = nameof(Linked);

    /// <summary>The names of everything generated, for the client tree and the JSON context.</summary>
    public const string Names = nameof(Names);

    /// <summary>The root namespace from the build.</summary>
    public const string RootNamespace = nameof(RootNamespace);

    /// <summary>Whether the compilation references the emulator, for <c>portal.CreateClient()</c>.</summary>
    public const string EmulatorReferenced = nameof(EmulatorReferenced);
}
