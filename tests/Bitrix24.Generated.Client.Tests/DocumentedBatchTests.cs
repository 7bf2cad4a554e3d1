using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Serialization;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Xunit.Sdk;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// Every shipped method works as a command of a batch: its documented request, read into the typed request, goes
/// out through the generated client in the batch's query form, passes the emulator's check against the spec, and
/// the command's answer (the documented result, as the emulator serves a method it has no handler for) reads into
/// the typed result without losing a field.
/// </summary>
public sealed class DocumentedBatchTests : IClassFixture<DocumentedBatchTests.Portal>
{
    private readonly Portal _portal;

    public DocumentedBatchTests(Portal portal) => _portal = portal;

    public static TheoryData<string> Methods()
    {
        var data = new TheoryData<string>();
        foreach (var linked in DocumentedExampleTests.Shipped.Value.Linked.OrderBy(linked => linked.Name, StringComparer.Ordinal))
        {
            // The calendar methods have handlers that keep state, so the documented answer is not theirs; their
            // batches are tested on their own. A request with a template to fill in ("**put_current_date_here**") is
            // not a call a portal takes. A REST 3.0 method cannot be a command of the classic batch: the client refuses
            // it when it is added. The event methods (event.bind, event.offline.get, events, …) have handlers too, which
            // answer only an application and keep bindings and a queue; the emulator's own tests cover them.
            if (linked.Method is { } method && method.Scope != "calendar" && !IsEventMethod(method.Name) && method.Api == MethodApi.Classic && !DocumentedExampleTests.Replaced.Contains(method.Name)
                && Answered(method) is { } example && (example.Request is not null || method.Parameters.IsEmpty)
                && example.Request?.Contains("**", StringComparison.Ordinal) != true)
            {
                data.Add(method.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task The_documented_call_works_as_a_command_of_a_batch(string methodName)
    {
        var method = DocumentedExampleTests.Shipped.Value.Linked.Single(linked => linked.Name == methodName && linked.Method is { Api: MethodApi.Classic }).Method!;
        var example = Answered(method)!;

        var batch = _portal.Client.Batch();
        var add = typeof(Bitrix24Batch<Bitrix24Client>).GetMethod(nameof(Bitrix24Batch<Bitrix24Client>.Add))!;
        var call = Call(method, example);
        var response = (Task)add.MakeGenericMethod(call.ReturnType.GetGenericArguments()[0]).Invoke(batch, [call.Invoker])!;
        await batch.ExecuteAsync();
        try
        {
            await response;
        }
        catch (Bitrix24Exception exception)
        {
            throw new XunitException(methodName + " failed in a batch: " + exception.Message);
        }

        var value = response.GetType().GetProperty("Result")!.GetValue(response)!;
        var result = value.GetType().GetProperty("Value")!.GetValue(value);
        var converter = DocumentedExampleTests.Converter(method.Result.Type);
        var written = JsonSerializer.Serialize(result, converter.Type!, new JsonSerializerOptions { Converters = { converter } });
        var documented = JsonNode.Parse(example.Response!)!["result"];
        if (DocumentedExampleTests.Lost(documented, JsonNode.Parse(written), "$") is { } lost)
        {
            throw new XunitException("Lost " + lost + "\nDocumented: " + documented?.ToJsonString() + "\nWritten:    " + written);
        }
    }

    private static bool IsEventMethod(string name) =>
        name == "events" || name.StartsWith("event.", StringComparison.Ordinal);

    // The example the emulator answers with: the first successful one with a result.
    internal static ExampleModel? Answered(MethodModel method) =>
        method.Examples.FirstOrDefault(example => example.Status is >= 200 and < 300 && example.Response is { } response
            && JsonNode.Parse(response) is JsonObject envelope && envelope.ContainsKey("result"));

    // The generated call, e.g. c => c.Crm.Deal.AddAsync(request, default), made of the method's name by the rules the
    // generator names the client's groups and methods by.
    internal static (Type ReturnType, Delegate Invoker) Call(MethodModel method, ExampleModel example)
    {
        var segments = DocumentedExampleTests.ClientPath(method).Split('.');
        var path = segments.Take(segments.Length - 1).Select(Names.ToPascalCase).ToArray();
        var name = Names.MethodMemberName(method) + "Async";
        var groupType = typeof(Bitrix24Client);
        foreach (var segment in path)
        {
            groupType = groupType.GetProperty(segment)?.PropertyType ?? throw new InvalidOperationException("No group " + segment + " on " + groupType.Name);
        }

        MethodInfo target;
        object?[] arguments;
        if (method.Parameters.IsEmpty)
        {
            target = groupType.GetMethod(name, [typeof(CancellationToken)]) ?? throw new InvalidOperationException("No " + name + " on " + groupType.Name);
            arguments = [CancellationToken.None];
        }
        else
        {
            var requestName = DocumentedExampleTests.Namespace(method.Scope) + "." + Names.RequestTypeName(DocumentedExampleTests.TypePrefix(method));
            var requestType = typeof(Bitrix24Client).Assembly.GetType(requestName) ?? throw new InvalidOperationException("No request type " + requestName);
            target = groupType.GetMethod(name, [requestType, typeof(CancellationToken)]) ?? throw new InvalidOperationException("No " + name + "(request) on " + groupType.Name);
            arguments = [JsonSerializer.Deserialize(example.Request!, Bitrix24JsonContext.Default.GetTypeInfo(requestType)!), CancellationToken.None];
        }

        var returnType = target.ReturnType;
        var funcType = typeof(Func<,>).MakeGenericType(typeof(Bitrix24Client), returnType);
        var invoke = typeof(DocumentedBatchTests).GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(returnType);
        var invoker = Delegate.CreateDelegate(funcType, new CallSite(path, target, arguments), invoke);
        return (returnType, invoker);
    }

    private static TResult Invoke<TResult>(CallSite site, Bitrix24Client client)
    {
        object group = client;
        foreach (var segment in site.Path)
        {
            group = group.GetType().GetProperty(segment)!.GetValue(group)!;
        }

        return (TResult)site.Target.Invoke(group, site.Arguments)!;
    }

    private sealed record CallSite(string[] Path, MethodInfo Target, object?[] Arguments);

    /// <summary>
    /// An emulator serving what the client is generated from: the shipped specs and this project's own, every method
    /// answering its documented example (no entities kept, so that a get of a documented id answers).
    /// </summary>
    public sealed class Portal : IAsyncLifetime
    {
        private Bitrix24Emulator? _emulator;
        private TestClient? _client;

        public Bitrix24Client Client => _client!.Client;

        public async Task InitializeAsync()
        {
            var options = new Bitrix24EmulatorOptions { IncludeShippedSpecs = true, RateLimit = null, OperatingLimit = null, KeepEntities = false };
            options.SpecPaths.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "specs"));
            _emulator = await Bitrix24Emulator.StartAsync(options);
            _client = TestClient.WithoutRetries(_emulator);
        }

        public async Task DisposeAsync()
        {
            _client?.Dispose();
            if (_emulator is not null)
            {
                await _emulator.DisposeAsync();
            }
        }
    }
}
