using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using CsCheck;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Bitrix24.Generated.Generator.Tests.Fuzzing;

/// <summary>
/// Hostile and careless specs through the generator and the analyzer: mutated shipped calendar specs and whole specs
/// from a small grammar. Whatever the specs, nothing throws or hangs, and the generated code compiles without a
/// warning: a spec the generated code could not take is an error at the spec, and is left out. A fixed seed and
/// count keep it repeatable and bounded; FUZZ_SEED and FUZZ_CASES set others, to reproduce a failure or to search longer.
/// </summary>
public class SpecFuzzTests
{
    private static readonly string Seed = Environment.GetEnvironmentVariable("FUZZ_SEED") ?? "0N0XIzNsQ0O2";
    private static readonly int Cases = int.Parse(Environment.GetEnvironmentVariable("FUZZ_CASES") ?? "400", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> Calendar = new(() =>
        GeneratorRunner.CalendarSpecs().Select(s => (Path.GetFileName(s.Path), s.GetText().ToString())).ToList());

    private readonly ITestOutputHelper _output;

    public SpecFuzzTests(ITestOutputHelper output) => _output = output;

    /// <summary>A case: whether it mutates shipped specs or builds them from the grammar, and the decisions it takes.</summary>
    internal static Gen<(bool Mutate, int[] Decisions)> Case { get; } =
        Gen.Select(Gen.Bool, Gen.Int[0, 9999].Array[1, 80]);

    [Fact]
    public void Hostile_specs_never_break_the_build()
    {
        var failures = new ConcurrentBag<string>();
        var tried = 0;
        Case.Sample(
            c =>
            {
                tried++;
                if (Check(c) is { } failure)
                {
                    failures.Add(failure);
                }
            },
            seed: Seed,
            iter: Cases,
            threads: 1);

        _output.WriteLine("Fuzz specs: " + tried + " cases tried, " + failures.Count + " failed");
        if (!failures.IsEmpty)
        {
            // Shrink the first failure for the report: CsCheck looks for the smallest case that still fails.
            var shrunk = string.Empty;
            try
            {
                Case.Sample(c => Check(c) is null, seed: Seed, iter: Cases, threads: 1, print: c => Describe(c) + "\n" + Check(c));
            }
            catch (Exception exception)
            {
                shrunk = exception.Message;
            }

            Assert.Fail(failures.Count + " of " + tried + " cases failed (seed " + Seed + "); smallest:\n" + shrunk + "\nfirst:\n" + failures.First());
        }
    }

    /// <summary>The spec files of a case.</summary>
    internal static List<(string Path, string Text)> Specs((bool Mutate, int[] Decisions) c)
    {
        var choices = new Choices(c.Decisions);
        var specs = new List<(string Path, string Text)>();
        var count = 1 + choices.Next(3);
        for (var i = 0; i < count; i++)
        {
            if (c.Mutate)
            {
                var (name, text) = choices.Pick(Calendar.Value);
                var root = SpecMutator.Load(text);
                var extras = new List<string>();
                for (var m = choices.Next(4); m >= 0; m--)
                {
                    if (SpecMutator.Mutate(root, choices) is { } extra)
                    {
                        extras.Add(extra);
                    }
                }

                var written = YamlText.Write(root).TrimEnd('\n');
                var body = written.Substring(0, written.Length - 1);
                specs.Add(("/fuzz/" + i + "/" + name, body + string.Concat(extras.Select(e => (body.Length > 1 ? ", " : string.Empty) + e)) + "}\n"));
            }
            else
            {
                specs.Add(("/fuzz/" + i + "/spec.yaml", YamlText.Write(SpecGrammar.Spec(choices))));
            }
        }

        return specs;
    }

    /// <summary>Runs a case; what went wrong, or null.</summary>
    internal static string? Check((bool Mutate, int[] Decisions) c)
    {
        var specs = Specs(c);
        var run = Task.Run(() => GeneratorRunner.Run(specs.ToArray()));
        if (!run.Wait(CaseTimeout))
        {
            return "hang: the generator and analyzer took more than " + CaseTimeout.TotalSeconds + " s";
        }

        if (run.IsFaulted)
        {
            return "exception: " + run.Exception!.GetBaseException();
        }

        var (result, output) = run.Result;
        if (result.Exception is { } exception)
        {
            return "generator exception: " + exception;
        }

        var crashed = result.Diagnostics.Concat(output.GetDiagnostics()).FirstOrDefault(d => d.Id is "CS8785" or "B24099");
        if (crashed is not null)
        {
            return "crash: " + crashed;
        }

        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(3).ToList();
        return problems.Count == 0 ? null : "generated code does not compile cleanly: " + string.Join("; ", problems);
    }

    private static string Describe((bool Mutate, int[] Decisions) c) =>
        string.Join("\n", Specs(c).Select(s => s.Path + ":\n" + s.Text));
}
