using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// What the portal answers outside its methods. REST calls and the token endpoint take GET and POST, the verbs the
/// docs name; any other verb (HEAD included, which must not run a method for a body nobody reads) gets 405 with
/// <c>Allow: GET, POST</c>. A path the portal does not serve gets a 404 envelope: <c>ERROR_METHOD_NOT_FOUND</c>
/// under <c>/rest/</c>, as for an unknown method, <c>NOT_FOUND</c> elsewhere.
/// </summary>
internal static class OffRouteAnswers
{
    /// <summary>The verbs REST calls and the token endpoint take.</summary>
    public const string AllowedVerbs = "GET, POST";

    /// <summary>Refuses a verb other than GET and POST, running nothing; returns whether it did.</summary>
    public static async Task<bool> TryRefuseVerbAsync(HttpContext context)
    {
        var verb = context.Request.Method;
        if (HttpMethods.IsGet(verb) || HttpMethods.IsPost(verb))
        {
            return false;
        }

        context.Response.Headers.Allow = AllowedVerbs;
        await EnvelopeWriter.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, EnvelopeWriter.Error(
            "INVALID_REQUEST",
            "The HTTP method " + verb + " is not allowed here; send GET or POST")).ConfigureAwait(false);
        return true;
    }

    /// <summary>Answers a path no route serves.</summary>
    public static Task AnswerUnknownPathAsync(HttpContext context)
    {
        var error = context.Request.Path.StartsWithSegments("/rest", StringComparison.OrdinalIgnoreCase)
            ? EnvelopeWriter.Error("ERROR_METHOD_NOT_FOUND", "Method not found!")
            : EnvelopeWriter.Error("NOT_FOUND", "Nothing is served at this path: REST calls go to /rest/, tokens to /oauth/token/");
        return EnvelopeWriter.WriteAsync(context, StatusCodes.Status404NotFound, error);
    }
}
