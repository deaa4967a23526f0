using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace LambdaBestPractices.Analyzers.Tests.Robustness;

/// <summary>
/// Fix round trip (issue 9, part 2): every fixable diagnostic of the harvested test inputs and the samples, fixed one at a
/// time and with Fix All over the document. The result must have no new compiler error, keep every comment, lose the
/// diagnostic, and get no new diagnostic of ours.
/// </summary>
public class FixRoundTripTests
{
    private readonly ITestOutputHelper _output;

    public FixRoundTripTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task EveryFix_AndFixAll_RoundTrip()
    {
        var references = await FuzzTests.ReferencesAsync();
        var fixers = AnalyzerCatalog.CodeFixProviderTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();
        var failures = new List<string>();
        int single = 0, fixAll = 0, inputs = 0;

        foreach (var (origin, text) in FuzzTests.HarvestInputs())
        {
            var document = CreateDocument(text, references);
            var before = await AnalyzeAsync(document);
            var fixable = before.Ours.Where(d => fixers.Any(f => f.FixableDiagnosticIds.Contains(d.Id))).ToArray();
            if (fixable.Length == 0)
            {
                continue;
            }

            inputs++;
            foreach (var diagnostic in fixable)
            {
                foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        single++;
                        var fixedDocument = await ApplyAsync(action, document);
                        await CheckAsync($"{origin}: '{action.Title}' at {diagnostic.Location.GetLineSpan().StartLinePosition}", before, fixedDocument, expectFewer: diagnostic.Id, failures);
                    }

                    // Fix All in the document with the first action's key.
                    if (actions.Count > 0 && fixer.GetFixAllProvider() is { } provider)
                    {
                        var context = new FixAllContext(document, fixer, FixAllScope.Document, actions[0].EquivalenceKey, new[] { diagnostic.Id }, new Provider(before.Ours), CancellationToken.None);
                        if (await provider.GetFixAsync(context) is { } fixAllAction)
                        {
                            fixAll++;
                            var fixedDocument = await ApplyAsync(fixAllAction, document);
                            await CheckAsync($"{origin}: Fix All {diagnostic.Id}", before, fixedDocument, expectFewer: diagnostic.Id, failures);

                            // Fix All with no key, as `dotnet format analyzers` runs it when the first diagnostic it holds is
                            // another rule's (one analyzer reports every rule): the fix applies the first action offered.
                            var keyless = new FixAllContext(document, fixer, FixAllScope.Document, codeActionEquivalenceKey: null!, new[] { diagnostic.Id }, new Provider(before.Ours), CancellationToken.None);
                            if (await provider.GetFixAsync(keyless) is not { } keylessAction)
                            {
                                failures.Add($"{origin}: Fix All {diagnostic.Id} without a key offers no action");
                            }
                            else if ((await (await ApplyAsync(keylessAction, document)).GetTextAsync()).ToString() != (await fixedDocument.GetTextAsync()).ToString())
                            {
                                failures.Add($"{origin}: Fix All {diagnostic.Id} without a key differs from Fix All with the first action's key");
                            }
                        }
                    }
                }
            }
        }

        _output.WriteLine($"{inputs} inputs with fixable diagnostics: {single} single fixes and {fixAll} Fix All runs round-tripped");
        Assert.True(single > 20, $"only {single} fixes found to round-trip");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct().Take(20)));
    }

    private static async Task CheckAsync(string label, (ImmutableArray<Diagnostic> Ours, ImmutableArray<Diagnostic> Errors, ImmutableArray<string> Comments) before, Document fixedDocument, string expectFewer, List<string> failures)
    {
        var after = await AnalyzeAsync(fixedDocument);
        var newErrors = after.Errors.Select(Describe).Except(before.Errors.Select(Describe)).ToArray();
        if (newErrors.Length > 0)
        {
            failures.Add($"{label}: new compiler errors: {string.Join("; ", newErrors)}");
        }

        var lost = before.Comments.Except(after.Comments).ToArray();
        if (lost.Length > 0)
        {
            failures.Add($"{label}: lost comments: {string.Join(" | ", lost)}");
        }

        if (after.Ours.Count(d => d.Id == expectFewer) >= before.Ours.Count(d => d.Id == expectFewer))
        {
            failures.Add($"{label}: the diagnostic is still there");
        }

        var newOnes = after.Ours.Select(d => d.Id + ": " + d.GetMessage()).Except(before.Ours.Select(d => d.Id + ": " + d.GetMessage())).ToArray();
        if (newOnes.Length > 0)
        {
            failures.Add($"{label}: new diagnostics after the fix: {string.Join("; ", newOnes)}");
        }

        static string Describe(Diagnostic d) => d.Id + ": " + d.GetMessage();
    }

    private static async Task<Document> ApplyAsync(CodeAction action, Document document)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }

    private static async Task<(ImmutableArray<Diagnostic> Ours, ImmutableArray<Diagnostic> Errors, ImmutableArray<string> Comments)> AnalyzeAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var root = await document.GetSyntaxRootAsync();
        var comments = root!.DescendantTrivia()
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            .Select(t => t.ToString().Trim())
            .ToImmutableArray();
        return (diagnostics.Where(d => d.Id.StartsWith("LBP", StringComparison.Ordinal)).ToImmutableArray(), errors, comments);
    }

    private static Document CreateDocument(string text, ImmutableArray<MetadataReference> references)
    {
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));
        var kind = tree.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "RoundTrip", "RoundTrip", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        return workspace.AddDocument(project.Id, "Test.cs", SourceText.From(text));
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(Enumerable.Empty<Diagnostic>());
    }
}
