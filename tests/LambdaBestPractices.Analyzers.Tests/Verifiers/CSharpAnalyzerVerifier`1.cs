using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaBestPractices.Analyzers.Tests.Verifiers;

public static class CSharpAnalyzerVerifier<TRule>
    where TRule : LambdaBestPractices.Analyzers.Model.LambdaRule, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) =>
        CSharpAnalyzerVerifier<RuleAnalyzer<TRule>, DefaultVerifier>.Diagnostic(descriptor);

    public static DiagnosticResult Diagnostic(string id) =>
        CSharpAnalyzerVerifier<RuleAnalyzer<TRule>, DefaultVerifier>.Diagnostic(id);

    /// <summary>Verifies <paramref name="source"/> against all stubs.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, Stubs.All, expected);

    public static Task VerifyAnalyzerAsync(string source, Stubs stubs, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, Stubs = stubs };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<RuleAnalyzer<TRule>, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.NothingToResolve;

            // LBP rules that reach across types have a second, compilation-end descriptor with the same ID.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        /// <summary>The API-surface stubs to reference (with their dependencies).</summary>
        public Stubs Stubs { get; set; } = Stubs.All;

        /// <summary>The restored references the test compiles against besides the stubs.</summary>
        public ImmutableArray<MetadataReference> BaseReferences { get; set; } = ReferenceSets.Net80WithAws;

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestState.AdditionalReferences.AddRange(BaseReferences.AddRange(ApiSurface.References(Stubs)));
            await base.RunImplAsync(cancellationToken);
        }
    }
}
