using System;
using System.Threading.Tasks;

namespace Bitrix24.Generated.AspNetCore.Tests;

/// <summary>The portal the events of the tests come from, and the payloads they post.</summary>
internal static class Portals
{
    public const string MemberId = "a223c6b3710f85df22e9377d6c4f7553";
    public const string ApplicationToken = "51856fefc120afa4b628cc82d3935cce";
    public const string AccessToken = "s6p6eclrvim6da22ft9ch94ekreb52lv";
    public const string RefreshToken = "4s386p3q0tr8dy89xvmt96234v3dljg8";

    public static Bitrix24Portal Installed(string? applicationToken = ApplicationToken) =>
        new(MemberId, "some-domain.bitrix24.com", applicationToken, new Bitrix24OAuthTokens("stored-access", "stored-refresh", new Uri("https://some-domain.bitrix24.com/rest/")));

    public static ValueTask InstallAsync(this IBitrix24PortalStore store, string? applicationToken = ApplicationToken) =>
        store.AddOrUpdateAsync(Installed(applicationToken), default);

    /// <summary>ONCALENDARENTRYADD as a portal posts it: a PHP bracket form.</summary>
    public static (string Name, string Value)[] CalendarEntryAddForm(string id = "1414", string memberId = MemberId, string applicationToken = ApplicationToken) =>
    [
        ("event", "ONCALENDARENTRYADD"),
        ("event_handler_id", "3"),
        ("data[id]", id),
        ("ts", "1734608169"),
        ("auth[access_token]", AccessToken),
        ("auth[expires_in]", "3600"),
        ("auth[scope]", "calendar"),
        ("auth[domain]", "some-domain.bitrix24.com"),
        ("auth[server_endpoint]", "https://oauth.bitrix.info/rest/"),
        ("auth[status]", "F"),
        ("auth[client_endpoint]", "https://some-domain.bitrix24.com/rest/"),
        ("auth[member_id]", memberId),
        ("auth[refresh_token]", RefreshToken),
        ("auth[application_token]", applicationToken),
    ];

    /// <summary>ONCRMDEALADD as JSON, as the documentation shows it.</summary>
    public static string DealAddJson(string applicationToken = ApplicationToken) =>
        "{\"event\":\"ONCRMDEALADD\",\"event_handler_id\":\"185\",\"data\":{\"FIELDS\":{\"ID\":\"6641\"}},\"ts\":\"1735374081\",\"auth\":{\"access_token\":\"" + AccessToken +
        "\",\"expires_in\":\"3600\",\"scope\":\"crm\",\"domain\":\"some-domain.bitrix24.com\",\"server_endpoint\":\"https://oauth.bitrix.info/rest/\",\"status\":\"L\",\"client_endpoint\":\"https://some-domain.bitrix24.com/rest/\",\"member_id\":\"" + MemberId +
        "\",\"refresh_token\":\"" + RefreshToken + "\",\"application_token\":\"" + applicationToken + "\"}}";
}
