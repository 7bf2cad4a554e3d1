namespace Bitrix24.Generated.AspNetCore;

/// <summary>
/// The page an application with a UI answers its install with: it loads the portal's JS library and tells the
/// portal the install is finished, which it waits for before sending events.
/// </summary>
internal static class InstallPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html>
        <head>
        <meta charset="utf-8">
        <title>Installing</title>
        <script src="//api.bitrix24.com/api/v1/"></script>
        </head>
        <body>
        <script>
        BX24.init(function () { BX24.installFinish(); });
        </script>
        </body>
        </html>
        """;
}
