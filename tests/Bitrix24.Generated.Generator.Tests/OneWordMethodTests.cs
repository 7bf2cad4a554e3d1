using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>A method whose name is one word (<c>profile</c>, <c>methods</c>) has no group: it is on the client itself.</summary>
public class OneWordMethodTests
{
    private const string Profile = """
        method: profile
        scope: basic
        summary: The current user.
        result:
          type: BasicProfile
        types:
          BasicProfile:
            kind: object
            properties:
              - name: ID
                type: integer-string
        """;

    private const string Methods = """
        method: methods
        scope: basic
        summary: The methods the caller may call.
        params:
          - name: scope
            type: string
        result:
          type: array
          items: string
        """;

    [Fact]
    public void The_method_is_a_member_of_the_client_and_compiles_without_a_warning()
    {
        var (result, output) = GeneratorRunner.Run(("/app/specs/profile.yaml", Profile), ("/app/specs/methods.yaml", Methods));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        var client = output.GetTypeByMetadataName("Bitrix24.Generated.Bitrix24Client")!;
        var profile = client.GetMembers("ProfileAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("System.Threading.Tasks.Task<Bitrix24.Generated.Bitrix24Response<Bitrix24.Generated.Basic.BasicProfile>>", profile.ReturnType.ToDisplayString());
        Assert.Equal(2, client.GetMembers("MethodsAsync").OfType<IMethodSymbol>().Count());
        Assert.Equal("scope", client.GetMembers("MethodsAsync").OfType<IMethodSymbol>().First().Parameters[0].Name);
    }
}
