using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>Calls a method as an installed application does: at the REST address, with its access token in <c>auth</c>.</summary>
internal static class AppCall
{
    public static async Task<(HttpStatusCode Status, JsonNode Envelope)> CallAsync(HttpClient http, Bitrix24Emulator portal, string accessToken, string method, JsonObject parameters)
    {
        var body = (JsonObject)parameters.DeepClone();
        body["auth"] = accessToken;
        using var response = await http.PostAsync(new Uri(portal.RestUrl, method), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
