using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;

// Standalone: `dotnet run --project emulator -- --port 5024` serves a local portal until Ctrl+C.
var port = 0;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port" && !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port))
    {
        Console.Error.WriteLine("--port takes a number from 0 to 65535.");
        return 2;
    }
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { Port = port }, stop.Token);
Console.WriteLine("Bitrix24 emulator listening on " + portal.BaseAddress);
Console.WriteLine("Webhook URL: " + portal.WebhookUrl);
Console.WriteLine("Press Ctrl+C to stop.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;
