using System.Linq;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>JSON values, as raw text, that a broken or hostile portal might put anywhere in an answer.</summary>
internal static class HostileValues
{
    public static readonly string[] All =
    [
        // Numbers beyond every type, fractions and exponents where integers belong, dates outside the years 1 to 9999.
        "1e400", "-1e400", "1e300", "-1e300", "1e-400", "99999999999999999999999", "-99999999999999999999", "9223372036854775808",
        "2147483648", "-2147483649", "0.5", "-0.0", "1.5E+3", "253402300800", "-62135596801", "1733319165.999999", "-1",

        // Text that is not valid UTF-16, and text in a type's clothes.
        "\"\\ud800\"", "\"\\udc00x\"", "\"a\\ud800b\"", "\"\\ud800\\ud800\"", "\"\"", "\" \"", "\"Y\"", "\"N\"", "\"1e400\"",
        "\"99999999999999999999\"", "\"-1\"", "\"2024-13-45T99:99:99+99:00\"", "\"31.02.2024 25:61:00\"", "\"12/11/2024 05:59:00 pm\"",
        "\"false\"", "\"[]\"",

        // Wrong shapes, and nesting deeper than any reader allows.
        "{}", "[]", "true", "false", "null", "[null]", "{\"\":null}", "[1,\"a\",{}]", "{\"0\":1,\"1\":2}",
        new string('[', 70) + new string(']', 70), string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40),
        "{\"a\":1,\"a\":\"x\"}", "{\"\\ud800\":1}",

        // The credentials, alone, in a URL, in a longer text and as a property name.
        Quote(FuzzCredentials.WebhookSecret), Quote(FuzzCredentials.WebhookUrl), Quote("see " + FuzzCredentials.WebhookUrl + "calendar.settings.get"),
        Quote(new string('x', 300) + FuzzCredentials.WebhookUrl), "{" + Quote(FuzzCredentials.WebhookUrl) + ":" + Quote(FuzzCredentials.WebhookUrl) + "}",
        "[" + Quote(FuzzCredentials.WebhookSecret) + "]",
        Quote(FuzzCredentials.AccessToken), Quote(FuzzCredentials.OAuthCallUrl), Quote(FuzzCredentials.RefreshToken), Quote(FuzzCredentials.ClientSecret),
        "{" + Quote(FuzzCredentials.AccessToken) + ":1}", Quote("refresh_token=" + FuzzCredentials.RefreshToken + "&client_secret=" + FuzzCredentials.ClientSecret),
    ];

    private static string Quote(string text) => "\"" + text + "\"";
}
