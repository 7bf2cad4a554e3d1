using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>A spec a user writes for a method we do not ship (the example in specs/README.md) generates a working client.</summary>
public class UserAuthoredSpecTests
{
    private const string UserCurrent = """
        method: user.current
        scope: user
        access: any user
        summary: Reads the user the webhook or token belongs to.
        result:
          type: CurrentUser
          description: The user's profile.
        types:
          CurrentUser:
            kind: object
            description: A user's profile.
            properties:
              - name: ID
                type: integer-string
                description: The user's identifier.
                example: "1"
              - name: NAME
                type: string
                description: First name.
              - name: ACTIVE
                type: boolean
                description: Whether the account is active.
        """;

    [Fact]
    public void The_documented_user_current_example_generates_a_client_method()
    {
        var (result, output) = GeneratorRunner.Run(GeneratorRunner.CalendarSpecs().Cast<AdditionalText>().Append(new SpecText("/app/specs/user.current.yaml", UserCurrent)));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var client = output.GetTypeByMetadataName("Bitrix24.Generated.Bitrix24Client")!;
        var user = (IPropertySymbol)client.GetMembers("User").Single();
        var current = (IMethodSymbol)user.Type.GetMembers("CurrentAsync").Single();
        Assert.Equal("System.Threading.Tasks.Task<Bitrix24.Generated.Bitrix24Response<Bitrix24.Generated.User.CurrentUser>>", current.ReturnType.ToDisplayString());
        var profile = output.GetTypeByMetadataName("Bitrix24.Generated.User.CurrentUser")!;
        Assert.Equal("int?", ((IPropertySymbol)profile.GetMembers("Id").Single()).Type.ToDisplayString());
        Assert.Equal("bool?", ((IPropertySymbol)profile.GetMembers("Active").Single()).Type.ToDisplayString());

        // Without `idempotent: true` a call is never replayed after its answer was lost.
        var spec = result.GeneratedSources.Single(s => s.HintName == "Bitrix24.Generated.User.UserCurrent.g.cs").SourceText.ToString();
        Assert.Contains("Bitrix24Method<CurrentUser> s_current = new(", spec, System.StringComparison.Ordinal);
        Assert.Contains("\"user.current\", Bitrix24Converters.Object<CurrentUser>());", spec, System.StringComparison.Ordinal);
        Assert.DoesNotContain("idempotent", spec, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_paged_list_method_gets_a_page_method_and_an_async_enumeration()
    {
        var projectDirectory = typeof(UserAuthoredSpecTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;
        var path = System.IO.Path.Combine(projectDirectory, "..", "Bitrix24.Generated.Client.Tests", "specs", "user.get.yaml");

        var (result, output) = GeneratorRunner.Run((path, System.IO.File.ReadAllText(path)));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var group = output.GetTypeByMetadataName("Bitrix24.Generated.User.UserApi")!;
        var page = (IMethodSymbol)group.GetMembers("GetAsync").First();
        var all = (IMethodSymbol)group.GetMembers("GetAllAsync").Single();
        Assert.Equal("System.Threading.Tasks.Task<Bitrix24.Generated.Bitrix24Response<System.Collections.Generic.IList<Bitrix24.Generated.User.PortalUser>>>", page.ReturnType.ToDisplayString());
        Assert.Equal("System.Collections.Generic.IAsyncEnumerable<Bitrix24.Generated.User.PortalUser>", all.ReturnType.ToDisplayString());
        Assert.Equal(new[] { "request", "limit", "cancellationToken" }, all.Parameters.Select(p => p.Name));
        var fast = (IMethodSymbol)group.GetMembers("GetAllFastAsync").Single();
        Assert.Equal(all.ReturnType.ToDisplayString(), fast.ReturnType.ToDisplayString());
    }
}
