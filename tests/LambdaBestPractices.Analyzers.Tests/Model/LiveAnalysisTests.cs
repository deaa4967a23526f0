using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>
/// The IDE case (ARCHITECTURE.md, "Live squiggles"): a developer editing a handler file sees LBP101 there from document
/// analysis alone; reach into other types and files comes from the compilation-end pass.
/// </summary>
public class LiveAnalysisTests
{
    private const string FunctionFile = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.S3;

        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = new AmazonS3Client();
                await Helper();
                await Storage.SaveAsync();
            }

            private static Task Helper()
            {
                using var s3 = new AmazonS3Client();
                return s3.ListBucketsAsync();
            }
        }
        """;

    private const string StorageFile = """
        using System.Threading.Tasks;
        using Amazon.S3;

        public static class Storage
        {
            public static Task SaveAsync()
            {
                var s3 = new AmazonS3Client();
                return s3.ListBucketsAsync();
            }
        }
        """;

    [Fact]
    public async Task DocumentAnalysisOfHandlerFile_ReportsHandlerAndSameTypeHelper()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", FunctionFile), ("Storage.cs", StorageFile));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP101CreateClientsOnceRule>()));
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Function.cs");

        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);

        Assert.Equal(
            new[] { 10, 17 },
            diagnostics.Where(d => d.Id == "LBP101").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l));
        Assert.All(diagnostics, d => Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, d.Descriptor.CustomTags));
    }

    [Fact]
    public async Task FullAnalysis_ReportsHelperInAnotherFileAtCompilationEnd()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", FunctionFile), ("Storage.cs", StorageFile));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP101CreateClientsOnceRule>()));

        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var crossType = Assert.Single(diagnostics, d => d.Location.SourceTree!.FilePath == "Storage.cs");
        Assert.Equal("LBP101", crossType.Id);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, crossType.Descriptor.CustomTags);
        Assert.Equal(3, diagnostics.Count(d => d.Id == "LBP101"));
    }
}
