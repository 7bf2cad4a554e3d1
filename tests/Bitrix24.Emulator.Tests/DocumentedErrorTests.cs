using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrix24.Emulator.Specs;

namespace Bitrix24.Emulator.Tests;

/// <summary>Every documented failing call of the shipped specs gets the documented answer from the emulator.</summary>
public class DocumentedErrorTests
{
    // Read once for the whole class: the cases and each case look up the same examples.
    private static readonly Lazy<SpecCatalog> Shipped = new(() => SpecCatalog.Load(Array.Empty<string>()));

    public static TheoryData<string, string> FailingExamples()
    {
        var data = new TheoryData<string, string>();
        var catalog = Shipped.Value;
        foreach (var name in catalog.MethodNames.Order(StringComparer.Ordinal))
        {
            foreach (var example in catalog.Find(name)!.Examples.Where(e => e.Status >= 400 && e.Request is not null && e.Response is not null))
            {
                // The emulator's webhook user may do anything, so refusals for rights cannot be replayed.
                if (!example.Response!.Contains("\"Access denied", StringComparison.Ordinal))
                {
                    data.Add(name, example.Name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FailingExamples))]
    public async Task The_documented_request_gets_the_documented_error(string method, string example)
    {
        var documented = Shipped.Value.Find(method)!.Examples.Single(e => e.Name == example);
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal, method, documented.Request!);

        Assert.Equal(documented.Status, (int)status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(documented.Response!), envelope), "Documented: " + documented.Response + "\nAnswered:   " + envelope.ToJsonString());
    }
}
