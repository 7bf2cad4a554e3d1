using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>Binds the application's events on a portal through <c>event.bind</c>, over the portal's own connection.</summary>
internal static class EventBinder
{
    /// <summary>Binds each event to its handler URL; the first that fails is returned with the portal's error code, else null.</summary>
    public static async Task<BindFailure?> BindAsync(Bitrix24Connection connection, IEnumerable<(string Event, Uri Handler)> bindings, CancellationToken cancellationToken)
    {
        foreach (var (name, handler) in bindings)
        {
            var parameters = new Dictionary<string, string> { ["event"] = name, ["handler"] = handler.AbsoluteUri };
            try
            {
                await connection.CallAsync("event.bind", parameters, InstallJsonContext.Default.DictionaryStringString, InstallJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            }
            catch (Bitrix24ApiException exception) when (AlreadyBound(exception))
            {
                // A reinstall finds its handlers still bound: what was wanted is there.
            }
            catch (Bitrix24ApiException exception)
            {
                return new BindFailure(name, string.IsNullOrEmpty(exception.RawCode) ? "HTTP " + (int)exception.StatusCode : exception.RawCode, exception);
            }
            catch (Bitrix24Exception exception)
            {
                return new BindFailure(name, exception.GetType().Name, exception);
            }
        }

        return null;
    }

    private static bool AlreadyBound(Bitrix24ApiException exception) =>
        exception.Description.Contains("already bind", StringComparison.OrdinalIgnoreCase) ||
        exception.RawCode.Contains("ALREADY_BIND", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An event the portal would not bind.</summary>
/// <param name="Event">The event's name.</param>
/// <param name="Code">The portal's error code, or what failed when there is none.</param>
/// <param name="Exception">The failure, for the log.</param>
internal sealed record BindFailure(string Event, string Code, Exception Exception);

/// <summary>The JSON the install writes and reads itself, without reflection.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class InstallJsonContext : JsonSerializerContext;
