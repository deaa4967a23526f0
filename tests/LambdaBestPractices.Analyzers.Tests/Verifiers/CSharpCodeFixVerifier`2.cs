using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaBestPractices.Analyzers.Tests.Verifiers;

public static class CSharpCodeFixVerifier<TRule, TCodeFix>
    where TRule : LambdaBestPractices.Analyzers.Model.LambdaRule, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) =>
        CSharpCodeFixVerifier<RuleAnalyzer<TRule>, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        CSharpAnalyzerVerifier<TRule>.VerifyAnalyzerAsync(source, expected);

    /// <summary>Verifies the fix (and Fix All in document, project and solution) against all stubs.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies that no fix is offered for the diagnostics in <paramref name="source"/>.</summary>
    public static Task VerifyNoCodeFixAsync(string source)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<RuleAnalyzer<TRule>, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.NothingToResolve;

            // LBP rules that reach across types have a second, compilation-end descriptor with the same ID.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        public Stubs Stubs { get; set; } = Stubs.All;

        /// <summary>The restored references the test compiles against besides the stubs.</summary>
        public ImmutableArray<MetadataReference> BaseReferences { get; set; } = ReferenceSets.Net80WithAws;

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            var references = BaseReferences.AddRange(ApiSurface.References(Stubs));
            TestState.AdditionalReferences.AddRange(references);
            FixedState.AdditionalReferences.AddRange(references);
            BatchFixedState.AdditionalReferences.AddRange(references);
            await base.RunImplAsync(cancellationToken);
        }
    }
}
