using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>Calls a method through the portal's webhook with a JSON body, as a client does.</summary>
internal static class Webhook
{
    public static Task<(HttpStatusCode Status, JsonNode Envelope)> CallAsync(HttpClient http, Bitrix24Emulator portal, string method, string json) =>
        CallAsync(http, portal.WebhookUrl, method, json);

    public static async Task<(HttpStatusCode Status, JsonNode Envelope)> CallAsync(HttpClient http, Uri webhookUrl, string method, string json)
    {
        using var response = await http.PostAsync(new Uri(webhookUrl, method), new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
