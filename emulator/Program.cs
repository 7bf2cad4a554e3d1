using System;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;

// Standalone: `dotnet run --project emulator -- --port 5024` serves a local portal until Ctrl+C or SIGTERM.
// `--specs <folder>` (repeatable) serves other specs than the shipped ones; `--https` serves HTTPS, and
// `--certificate-out <file>` writes its self-signed certificate (PEM) for clients to trust; `--rate-limit 50/2`
// sets the request-rate limit (burst, then requests a second; `none` for no limit), 50/2 by default.
var options = new Bitrix24EmulatorOptions();
string? certificateOut = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--port" && i + 1 < args.Length)
    {
        if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            Console.Error.WriteLine("--port takes a number from 0 to 65535.");
            return 2;
        }

        options.Port = port;
    }
    else if (args[i] == "--https")
    {
        options.UseHttps = true;
    }
    else if (args[i] == "--specs" && i + 1 < args.Length)
    {
        options.SpecPaths.Add(args[i + 1]);
    }
    else if (args[i] == "--certificate-out" && i + 1 < args.Length)
    {
        certificateOut = args[i + 1];
    }
    else if (args[i] == "--rate-limit" && i + 1 < args.Length)
    {
        if (!TryParseRateLimit(args[i + 1], out var limit))
        {
            Console.Error.WriteLine("--rate-limit takes <burst>/<per-second>, e.g. 50/2, or none.");
            return 2;
        }

        options.RateLimit = limit;
    }
}

if (certificateOut is not null && !options.UseHttps)
{
    Console.Error.WriteLine("--certificate-out needs --https.");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// SIGTERM (docker stop, systemd, a test that is done with it) stops it as Ctrl+C does; the web host's own
// handler would only stop the host and leave the process waiting.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

Bitrix24Emulator portal;
try
{
    portal = await Bitrix24Emulator.StartAsync(options, stop.Token);
}
catch (System.IO.InvalidDataException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

await using var running = portal;
if (certificateOut is not null)
{
    await System.IO.File.WriteAllTextAsync(certificateOut, portal.Certificate!.ExportCertificatePem() + "\n");
}

Console.WriteLine("Bitrix24 emulator listening on " + portal.BaseAddress);
Console.WriteLine("Webhook URL: " + portal.WebhookUrl);
Console.WriteLine("Methods: " + string.Join(", ", portal.SpecifiedMethods.Order(StringComparer.Ordinal)));
Console.WriteLine("Press Ctrl+C to stop.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;

// "50/2": a burst of 50, then 2 a second; "none": no limit.
static bool TryParseRateLimit(string text, out Bitrix24RateLimit? limit)
{
    limit = null;
    if (text == "none")
    {
        return true;
    }

    var parts = text.Split('/');
    if (parts.Length != 2
        || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var burst) || burst < 1
        || !double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var perSecond) || perSecond <= 0)
    {
        return false;
    }

    limit = new Bitrix24RateLimit(burst, perSecond);
    return true;
}
