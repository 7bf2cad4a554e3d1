using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Xunit.Abstractions;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// Every shipped method, called through the generated client with its documented request against an emulator that
/// keeps entities (so a get of a documented id may well answer "not found"): each call gets an answer, its result or
/// a Bitrix24 error, and never a server error.
/// </summary>
public sealed class EveryMethodTests
{
    private readonly ITestOutputHelper _output;

    public EveryMethodTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Every_shipped_method_called_with_its_documented_request_answers_without_a_server_error()
    {
        var options = new Bitrix24EmulatorOptions { IncludeShippedSpecs = true, RateLimit = null, OperatingLimit = null };
        options.SpecPaths.Add(Path.Combine(AppContext.BaseDirectory, "specs"));
        await using var portal = await Bitrix24Emulator.StartAsync(options);
        using var test = TestClient.WithoutRetries(portal);

        var answered = 0;
        var refused = new List<string>();
        var failures = new List<string>();
        foreach (var linked in DocumentedExampleTests.Shipped.Value.Linked.OrderBy(linked => linked.Name, StringComparer.Ordinal))
        {
            if (linked.Method is not { } method || DocumentedExampleTests.Replaced.Contains(method.Name))
            {
                continue;
            }

            var example = method.Examples.FirstOrDefault(documented => documented.Request is not null) ?? (method.Parameters.IsEmpty ? DocumentedBatchTests.Answered(method) : null);
            if (example is null)
            {
                continue;
            }

            var (_, invoker) = DocumentedBatchTests.Call(method, example);
            try
            {
                await (Task)invoker.DynamicInvoke(test.Client)!;
                answered++;
            }
            catch (TargetInvocationException exception) when (exception.InnerException is Bitrix24Exception error)
            {
                Record(method.Name, error);
            }
            catch (Bitrix24Exception error)
            {
                Record(method.Name, error);
            }
        }

        _output.WriteLine($"{answered + refused.Count} shipped methods called with their documented requests: {answered} answered a result, {refused.Count} a Bitrix24 error, {failures.Count} a server error.");
        foreach (var reason in refused.GroupBy(message => message).OrderByDescending(group => group.Count()).Take(10))
        {
            _output.WriteLine($"  {reason.Count()} x {reason.Key}");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(answered > 1000, answered + " calls answered a result");

        void Record(string method, Bitrix24Exception error)
        {
            // The portal's own answer to a call it refuses is a 4xx error envelope; anything else is a failure.
            if (error is Bitrix24ApiException { StatusCode: < HttpStatusCode.InternalServerError } refusal)
            {
                // The reason without the names it carries, so that alike refusals count together.
                refused.Add(System.Text.RegularExpressions.Regex.Replace(refusal.Description, "\"[^\"]*\"", "\"…\""));
            }
            else
            {
                failures.Add(method + ": " + error.Message);
            }
        }
    }
}
