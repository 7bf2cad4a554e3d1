using System;
using System.Collections.Generic;
using System.Globalization;

namespace Bitrix24.Generated.Scale.Worker;

/// <summary>What a worker is told on its command line, as <c>--name value</c> pairs.</summary>
internal sealed record WorkerSettings(
    Uri Portal,
    string ClientId,
    string ClientSecret,
    string MemberId,
    string Redis,
    string Store,
    int Worker,
    int Calls,
    int Burst,
    double Drain,
    int Lanes,
    bool WaitForGo)
{
    public const string Usage =
        "--portal <address> --client-id <id> --client-secret <secret> --member-id <id> --redis <configuration> " +
        "--store <SQLite connection string> --worker <index> --calls <multiple of 10> --burst <n> --drain <per second> " +
        "[--lanes <calls at once, 3>] [--wait-for-go: start calling after a line on stdin]";

    public static WorkerSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var waitForGo = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--wait-for-go")
            {
                waitForGo = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException("Unexpected argument '" + args[i] + "'. Usage: " + Usage);
            }
        }

        string Text(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException("Missing --" + name + ". Usage: " + Usage);
        int Number(string name) => int.Parse(Text(name), CultureInfo.InvariantCulture);

        var calls = Number("calls");
        if (calls <= 0 || calls % Run.CallsPerRound != 0)
        {
            throw new ArgumentException("--calls must be a positive multiple of " + Run.CallsPerRound + ".");
        }

        return new WorkerSettings(
            new Uri(Text("portal"), UriKind.Absolute),
            Text("client-id"),
            Text("client-secret"),
            Text("member-id"),
            Text("redis"),
            Text("store"),
            Number("worker"),
            calls,
            Number("burst"),
            double.Parse(Text("drain"), CultureInfo.InvariantCulture),
            values.ContainsKey("lanes") ? Number("lanes") : 3,
            waitForGo);
    }
}
