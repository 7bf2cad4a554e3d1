using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Microsoft.Extensions.Logging;

// bitrix24-emulator [--port <number>] [--specs <file-or-folder>]... [--secret <code>] [--https [--certificate-out <file>]]
// [--rate-limit <burst>/<per-second>|none]: serves a local portal on 127.0.0.1 until Ctrl+C or SIGTERM. It answers every
// shipped method; --specs (repeatable) adds specs of your own, which replace shipped ones of the same method, as in a
// build; --certificate-out writes the HTTPS certificate (PEM) for clients to trust; --rate-limit sets the request-rate
// limit, 50/2 by default. In the repository: dotnet run --project tools/Bitrix24.Emulator.Tool -- --port 5024
const string Usage = "usage: bitrix24-emulator [--port <number>] [--specs <file-or-folder>]... [--secret <webhook-code>] [--https [--certificate-out <file>]] [--rate-limit <burst>/<per-second>|none]";

// A handler's unexpected failure is answered with a 500 envelope and its stack trace goes to stderr.
using var logging = LoggerFactory.Create(log => log.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).AddFilter(level => level >= LogLevel.Warning));
var options = new Bitrix24EmulatorOptions { LoggerFactory = logging };
string? certificateOut = null;
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        case "--port" when value is not null:
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                Console.Error.WriteLine("--port takes a number from 0 to 65535.");
                return 2;
            }

            options.Port = port;
            i++;
            break;
        case "--specs" when value is not null:
            options.SpecPaths.Add(value);
            options.IncludeShippedSpecs = true;
            i++;
            break;
        case "--secret" when value is not null:
            options.WebhookSecret = value;
            i++;
            break;
        case "--https":
            options.UseHttps = true;
            break;
        case "--certificate-out" when value is not null:
            certificateOut = value;
            i++;
            break;
        case "--rate-limit" when value is not null:
            if (!TryParseRateLimit(value, out var limit))
            {
                Console.Error.WriteLine("--rate-limit takes <burst>/<per-second>, e.g. 50/2, or none.");
                return 2;
            }

            options.RateLimit = limit;
            i++;
            break;
        default:
            Console.Error.WriteLine("Unknown or incomplete argument '" + args[i] + "'.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

if (certificateOut is not null && !options.UseHttps)
{
    Console.Error.WriteLine("--certificate-out needs --https.");
    return 2;
}

using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

Bitrix24Emulator portal;
try
{
    portal = await Bitrix24Emulator.StartAsync(options, stop.Token);
}
catch (System.IO.InvalidDataException exception)
{
    // The specs have errors: each with its file, line and column.
    Console.Error.WriteLine(exception.Message);
    return 1;
}
catch (System.IO.IOException exception)
{
    // The port is taken, or a spec path does not exist.
    Console.Error.WriteLine(exception.Message);
    return 1;
}

await using (portal)
{
    if (certificateOut is not null)
    {
        await System.IO.File.WriteAllTextAsync(certificateOut, portal.Certificate!.ExportCertificatePem() + "\n");
    }

    Console.WriteLine("Bitrix24 emulator listening on " + portal.BaseAddress);
    // Before the classic line, which tells scripts waiting for the portal that it listens.
    Console.WriteLine("REST 3.0 webhook URL: " + portal.Rest3WebhookUrl);
    Console.WriteLine("Webhook URL: " + portal.WebhookUrl);
    Console.WriteLine("Methods: " + portal.SpecifiedMethods.Count.ToString(CultureInfo.InvariantCulture) + (options.SpecPaths.Count > 0 ? ", the shipped and your own" : ", all shipped"));
    Console.WriteLine("Press Ctrl+C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
}

Console.WriteLine("Stopped.");
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
