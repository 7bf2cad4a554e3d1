using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrix24.Generated.Forms;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Requests;

/// <summary>A REST request as read.</summary>
/// <param name="Method">The method called, lower case, without <c>.json</c>.</param>
/// <param name="Parameters">The parameters without <c>auth</c>.</param>
/// <param name="Caller">Who sent it.</param>
internal sealed record RestRequest(string Method, JsonObject Parameters, Caller Caller);

/// <summary>
/// Reads what requests bring: the method, the parameters from the query, a form or a JSON body, and the caller;
/// and records each request for tests, without its secrets. Whatever makes a request unreadable (a broken body,
/// form, multipart or JSON) comes out of here as an <see cref="UnreadableRequestException"/>.
/// </summary>
internal sealed class RequestReader
{
    private readonly ConcurrentQueue<RecordedRequest> _recorded = new();
    private readonly Authenticator _authenticator;
    private readonly TimeProvider _time;

    public RequestReader(Authenticator authenticator, TimeProvider time)
    {
        _authenticator = authenticator;
        _time = time;
    }

    /// <summary>The requests received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Recorded => _recorded.ToArray();

    /// <summary>The method a REST route names, lower case, without a <c>.json</c> suffix.</summary>
    public static string MethodName(HttpRequest request)
    {
        var routeMethod = (string)request.RouteValues["method"]!;
        return (routeMethod.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? routeMethod[..^5] : routeMethod).ToLowerInvariant();
    }

    /// <summary>The body as text (for GET, the query string); the body stays readable for the parameters.</summary>
    public static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        if (HttpMethods.IsGet(request.Method))
        {
            return request.QueryString.Value?.TrimStart('?') ?? string.Empty;
        }

        return await ReadOrRefuseAsync(RestError, async () =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            request.Body.Position = 0;
            return body;
        }).ConfigureAwait(false);
    }

    /// <summary>Records a request answered before it is read, as a moved portal answers: no user, no body.</summary>
    public void RecordUnread(HttpRequest request, string method) =>
        Record(new RecordedRequest(request.Method, method, 0, request.ContentType, string.Empty, false));

    /// <summary>Reads the parameters and the caller, and records the request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="method">Its method, from <see cref="MethodName"/>.</param>
    /// <param name="body">Its body, from <see cref="ReadBodyAsync"/>.</param>
    public async Task<RestRequest> ReadAsync(HttpRequest request, string method, string body)
    {
        var parameters = await ReadOrRefuseAsync(RestError, () => ReadParametersAsync(request, body)).ConfigureAwait(false);
        return Accept(request, method, body, parameters);
    }

    /// <summary>
    /// Reads a REST 3.0 request, which takes parameters only from a JSON object in the body (none from the query, and
    /// none at all for a GET), and records it; null when the body is a form or not a JSON object.
    /// </summary>
    public RestRequest? ReadJson(HttpRequest request, string method, string body)
    {
        if (request.HasFormContentType)
        {
            return null;
        }

        JsonObject parameters;
        try
        {
            parameters = HttpMethods.IsGet(request.Method) || string.IsNullOrWhiteSpace(body) ? new JsonObject() : StrictJson.ParseObject(body);
        }
        catch (JsonException)
        {
            return null;
        }

        return Accept(request, method, HttpMethods.IsGet(request.Method) ? string.Empty : body, parameters);
    }

    /// <summary>
    /// Records a request whose body is not a parameters object (REST 3.0's batch, a JSON array): the caller is told by
    /// <paramref name="credentials"/>, the <c>auth</c> it carries.
    /// </summary>
    public RestRequest Record(HttpRequest request, string method, string body, JsonObject credentials) =>
        Accept(request, method, body, credentials);

    private RestRequest Accept(HttpRequest request, string method, string body, JsonObject parameters)
    {
        var caller = _authenticator.Authenticate(request, parameters);
        parameters.Remove("auth");
        // Recorded requests never keep a secret: the token in a body or query is masked.
        var recordedBody = caller.Token is null ? body : body.Replace(caller.Token, "***", StringComparison.Ordinal);
        Record(new RecordedRequest(request.Method, method, caller.UserId, request.ContentType, recordedBody, caller.Error is null));
        return new RestRequest(method, parameters, caller);
    }

    /// <summary>Reads the token endpoint's fields from the query and a form, and records only the grant type.</summary>
    public async Task<Dictionary<string, string>> ReadTokenRequestAsync(HttpContext context)
    {
        var request = context.Request;
        var fields = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await ReadOrRefuseAsync(OAuthError, () => request.ReadFormAsync(context.RequestAborted)).ConfigureAwait(false);
            foreach (var pair in form)
            {
                fields[pair.Key] = pair.Value.ToString();
            }
        }

        Record(new RecordedRequest(request.Method, "oauth/token", 0, request.ContentType, "grant_type=" + (fields.TryGetValue("grant_type", out var grant) ? grant : string.Empty), true));
        return fields;
    }

    private const string RestError = "INVALID_REQUEST";
    private const string OAuthError = "invalid_request";

    /// <summary>Runs one step of reading a request; a failure the request is to blame for becomes an <see cref="UnreadableRequestException"/>.</summary>
    private static async Task<T> ReadOrRefuseAsync<T>(string code, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        // A body Kestrel refuses (too large, too slow) is left to keep its own status; see FailureBoundary.
        catch (Exception exception) when (exception is JsonException or InvalidDataException || (exception is IOException && exception is not BadHttpRequestException))
        {
            throw new UnreadableRequestException(code, "The request cannot be read: " + exception.Message, exception);
        }
    }

    // A portal reads parameters from the query string and the body alike, in whichever form they come.
    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request, string body)
    {
        var fields = request.Query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty)));
        if (HttpMethods.IsGet(request.Method))
        {
            return PhpFormDecoder.Decode(fields);
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            var formFields = form.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty)));
            return PhpFormDecoder.Decode(fields.Concat(formFields));
        }

        var parameters = PhpFormDecoder.Decode(fields);
        if (!string.IsNullOrWhiteSpace(body))
        {
            var json = StrictJson.ParseObject(body);
            foreach (var (key, value) in json.ToList())
            {
                json.Remove(key);
                parameters[key] = value;
            }
        }

        return parameters;
    }

    /// <summary>Keeps a request, stamped with when it was read.</summary>
    private void Record(RecordedRequest request) => _recorded.Enqueue(request with { Received = _time.GetUtcNow() });
}
