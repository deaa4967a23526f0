using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Tests.Conventions;

/// <summary>Every analyzer in the assembly, on inputs that must never make it throw or report.</summary>
public class RobustnessTests
{
    public static TheoryData<string, Stubs> Inputs() => new()
    {
        { "", Stubs.All },
        { "public class C { public void M(Amazon.Lambda.Core.ILambdaContext context) { var x = new Amazon.S3.AmazonS3Client( } ", Stubs.All },
        { "class { void ( { new () } } }} using ;", Stubs.All },
        { "public class Worker { public void M(object context) { var s3 = new Amazon.S3.AmazonS3Client(); using var h = new System.Net.Http.HttpClient(); } }", Stubs.None },
        { "public class C { public void M(ILambdaContext context) { var s3 = new AmazonS3Client(); } }", Stubs.None },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task EveryAnalyzer_RunsCleanWithoutExceptions(string source, Stubs stubs)
    {
        var compilation = await AnalyzerCatalog.CompileAsync(stubs, OutputKind.DynamicallyLinkedLibrary, ("Test.cs", source));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options);

        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("LBP", System.StringComparison.Ordinal) && !source.Contains("ILambdaContext context) { var x"));
    }

    [Fact]
    public async Task NonLambdaCompilation_RegistersNoActions()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.None, OutputKind.DynamicallyLinkedLibrary, ("Test.cs", "public class Worker { public void M() { var s3 = new Amazon.S3.AmazonS3Client(); } }"));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        // The shipped analyzer, and each rule alone: no rule registers anything there.
        var analyzers = AnalyzerCatalog.Analyzers.AddRange(AnalyzerCatalog.SingleRuleAnalyzers);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            Assert.True(0 == telemetry.OperationActionsCount + telemetry.OperationBlockActionsCount + telemetry.SymbolStartActionsCount + telemetry.CompilationEndActionsCount, analyzer.GetType().Name + " registered actions in a compilation without Lambda or CDK types");
            Assert.Equal(1, telemetry.CompilationStartActionsCount);
        }
    }
}
