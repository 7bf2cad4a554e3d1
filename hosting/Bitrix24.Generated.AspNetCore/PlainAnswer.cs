using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>Short plain-text answers: what a portal's log or a developer's curl shows.</summary>
internal static class PlainAnswer
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
