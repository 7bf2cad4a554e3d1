namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>The attributes every generated type carries.</summary>
internal static class Attributes
{
    /// <summary>The generator's version, e.g. <c>0.1.0</c>.</summary>
    public static readonly string Version = typeof(Attributes).Assembly.GetName().Version is { } version
        ? version.Major + "." + version.Minor + "." + version.Build
        : "0.0.0";

    /// <summary>Marks a type as generated, so tools and analyzers treat it as such.</summary>
    public static readonly string GeneratedCode = "[GeneratedCode(\"Bitrix24.Generated\", \"" + Version + "\")]";
}
