using Bitrix24.Emulator.OAuth;

namespace Bitrix24.Emulator.Events;

/// <summary>How installing the application went: the install form's answer and the <c>ONAPPINSTALL</c> post's.</summary>
/// <param name="Tokens">The tokens the install handed the application.</param>
/// <param name="InstallStatus">The HTTP status the install URL answered the install form with, or null when the post failed.</param>
/// <param name="InstallBody">The body of that answer, or null when the post failed.</param>
/// <param name="EventStatus">The HTTP status the install URL answered <c>ONAPPINSTALL</c> with, or null when the post failed.</param>
public sealed record ApplicationInstallResult(Bitrix24Tokens Tokens, int? InstallStatus, string? InstallBody, int? EventStatus);
