using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EventsApp;

namespace Bitrix24.EventsApp.Tests;

/// <summary>What <c>dotnet run --project samples/EventsApp</c> does without a portal configured.</summary>
public class EmulatorDemoTests
{
    [Fact]
    public async Task The_sample_installs_on_the_emulator_and_its_handlers_read_both_new_entities_back()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = new StringWriter();

        var (entry, deal) = await EmulatorDemo.RunAsync(output, timeout.Token);

        Assert.Equal(("ONCALENDARENTRYADD", "Kick-off"), (entry.Event, entry.Name));
        Assert.Equal(("ONCRMDEALADD", "Website redesign"), (deal.Event, deal.Name));
        Assert.Contains("Installed: the install page answered 200, ONAPPINSTALL 200", output.ToString(), StringComparison.Ordinal);
    }
}
