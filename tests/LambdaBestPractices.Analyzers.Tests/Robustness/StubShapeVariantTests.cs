using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace LambdaBestPractices.Analyzers.Tests.Robustness;

/// <summary>
/// Issue 9, part 3 (member shapes): the analyzers see other versions of the packages than the stubs describe. Each variant
/// rewrites a stub's source and compiles it under the package's assembly name:
/// <list type="bullet">
/// <item><c>ILambdaContext</c> without the .NET 8 members (<c>Serializer</c>, <c>TenantId</c>, <c>TraceId</c>);</item>
/// <item>event records with the non-nullable value types of the packages before 3.0 (S3Events, DynamoDBEvents, SQSEvents):
/// <c>DateTime?</c> → <c>DateTime</c>, <c>long?</c> → <c>long</c>, ...;</item>
/// <item>the unserved AWSSDK packages (Lambda, SNS, Secrets Manager, ...) with non-nullable value types, the shape of
/// AWSSDK v3's request and response properties.</item>
/// </list>
/// Every analyzer runs on a sample of the harvested inputs against each variant: no exception.
/// </summary>
public class StubShapeVariantTests
{
    private static readonly Regex NullableValueType = new(@"\b(int|long|double|bool|decimal|DateTime|DateTimeOffset|TimeSpan|float)\?", RegexOptions.Compiled);
    private static readonly Regex Net8ContextMembers = new(@"\n[^\n]*// net8\.0\+ only in the real package; default-implemented\.\n[^\n]*\n", RegexOptions.Compiled);

    private readonly ITestOutputHelper _output;

    public StubShapeVariantTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Variants() => new() { "context-before-net8", "events-before-3.0", "sdk-v3-non-nullable" };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Analyzers_SurviveOtherPackageShapes(string variant)
    {
        var references = References(variant);
        var inputs = FuzzTests.HarvestInputs().Where((_, i) => i % 3 == 0).ToArray();
        var ours = 0;
        foreach (var (origin, text) in inputs)
        {
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), "/src/Test.cs");
            var kind = tree.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var compilation = CSharpCompilation.Create("Variant", new[] { tree }, references, new CSharpCompilationOptions(kind));
            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (e, a, _) => { lock (exceptions) { exceptions.Add($"{a.GetType().Name}: {e}"); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync();
            Assert.True(exceptions.Count == 0 && !diagnostics.Any(d => d.Id == "AD0001"), $"{origin} with {variant}: {string.Join("; ", exceptions)}");
            ours += diagnostics.Count(d => d.Id.StartsWith("LBP", StringComparison.Ordinal));
        }

        _output.WriteLine($"{variant}: {inputs.Length} inputs, {ours} diagnostics of ours, no exception");
        Assert.True(ours > 0, "the variant silenced every rule: the rewritten stubs no longer bind");
    }

    private static ImmutableArray<MetadataReference> References(string variant)
    {
        var baseReferences = ReferenceSets.Net80WithAws;
        try
        {
            return baseReferences.AddRange(ApiSurface.CompileRewritten(baseReferences, (stub, source) => variant switch
            {
                "context-before-net8" when stub == Stubs.LambdaCore => Net8ContextMembers.Replace(source, "\n"),
                "events-before-3.0" when stub is Stubs.S3Events or Stubs.DynamoDBEvents or Stubs.SqsEvents => NullableValueType.Replace(source, "$1"),
                "sdk-v3-non-nullable" when (stub & Stubs.Sdk) != 0 => NullableValueType.Replace(source, "$1"),
                _ => source,
            }));
        }
        catch (InvalidOperationException e)
        {
            Assert.Fail($"The stubs as {variant} do not compile: {e.Message}");
            throw;
        }
    }
}
