using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;

// Standalone: `dotnet run --project emulator -- --port 5024` serves a local portal until Ctrl+C.
// `--specs <folder>` (repeatable) serves other specs than the shipped ones; `--https` serves HTTPS.
var options = new Bitrix24EmulatorOptions();
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
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

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
