using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace LambdaBestPractices.Analyzers.Tests.Robustness;

/// <summary>Issue 9, parts 3, 4 and 6: missing references, concurrency and determinism, cancellation.</summary>
public class DeterminismAndCancellationTests
{
    private readonly ITestOutputHelper _output;

    public DeterminismAndCancellationTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Every harvested input in its own namespace, all in one compilation (the sample files as they are): a corpus of a few
    /// hundred types with every rule's cases, analyzed 20 times with concurrent execution.
    /// </summary>
    [Fact]
    public async Task ConcurrentAnalysis_IsDeterministic()
    {
        var references = await FuzzTests.ReferencesAsync();
        var trees = FuzzTests.HarvestInputs()
            .Select((input, i) => CSharpSyntaxTree.ParseText(input.Text, new CSharpParseOptions(LanguageVersion.Latest), $"/src/Input{i:D3}.cs"))
            .Where(t => !t.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any())
            .ToArray();
        var compilation = CSharpCompilation.Create("Corpus", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        string[]? first = null;
        for (var run = 0; run < 20; run++)
        {
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            // A fresh compilation each run: nothing cached from the previous one.
            var diagnostics = await compilation.Clone().WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            var described = diagnostics
                .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();
            if (first is null)
            {
                first = described;
                _output.WriteLine($"{trees.Length} files, {described.Length} diagnostics per run");
                Assert.NotEmpty(first);
            }
            else
            {
                var missing = first.Except(described).ToArray();
                var extra = described.Except(first).ToArray();
                Assert.True(missing.Length == 0 && extra.Length == 0 && first.Length == described.Length,
                    $"run {run} differs from run 0:{Environment.NewLine}only in run 0: {string.Join(Environment.NewLine, missing)}{Environment.NewLine}only in run {run}: {string.Join(Environment.NewLine, extra)}");
            }
        }
    }

    /// <summary>The benchmark's generated Lambda solution (60 handler units, every rule's violations planted), 20 concurrent runs.</summary>
    [Fact]
    public async Task ConcurrentAnalysis_OnTheGeneratedCorpus_IsDeterministic()
    {
        var references = await FuzzTests.ReferencesAsync();
        var corpus = LambdaBestPractices.Analyzers.Benchmarks.Corpus.CorpusGenerator.Generate(LambdaBestPractices.Analyzers.Benchmarks.Corpus.CorpusKind.Lambda, 60, 8);
        var trees = corpus.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), "/corpus/" + f.Path)).ToArray();
        var compilation = CSharpCompilation.Create("Corpus", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        string[]? first = null;
        for (var run = 0; run < 20; run++)
        {
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.Clone().WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            var described = diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}").OrderBy(s => s, StringComparer.Ordinal).ToArray();
            if (first is null)
            {
                first = described;
                _output.WriteLine($"generated corpus: {trees.Length} files, {described.Length} diagnostics per run, 20 runs");
                Assert.NotEmpty(first);
            }
            else
            {
                var missing = first.Except(described).ToArray();
                var extra = described.Except(first).ToArray();
                Assert.True(missing.Length == 0 && extra.Length == 0 && first.Length == described.Length,
                    $"run {run} differs from run 0:{Environment.NewLine}only in run 0: {string.Join(Environment.NewLine, missing)}{Environment.NewLine}only in run {run}: {string.Join(Environment.NewLine, extra)}");
            }
        }
    }

    [Fact]
    public async Task CancelledAnalysis_EndsPromptlyWithOperationCanceled()
    {
        var references = await FuzzTests.ReferencesAsync();
        var trees = FuzzTests.HarvestInputs().Take(60)
            .Select((input, i) => CSharpSyntaxTree.ParseText(input.Text, new CSharpParseOptions(LanguageVersion.Latest), $"/src/Input{i:D3}.cs"))
            .ToArray();
        var compilation = CSharpCompilation.Create("Corpus", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        foreach (var delay in new[] { 0, 20, 100 })
        {
            using var cancellation = new CancellationTokenSource();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var analysis = compilation.Clone().WithAnalyzers(AnalyzerCatalog.Analyzers, options);
            if (delay == 0)
            {
                cancellation.Cancel();
            }
            else
            {
                cancellation.CancelAfter(delay);
            }

            var watch = Stopwatch.StartNew();
            try
            {
                var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync(cancellation.Token);
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001"); // finished before the cancellation: fine
            }
            catch (OperationCanceledException)
            {
                // the only exception allowed
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"cancelled after {delay} ms, the analysis ran on for {watch.Elapsed}");
        }
    }

    /// <summary>Every fix, asked with a cancelled token, either finishes or throws OperationCanceledException, promptly.</summary>
    [Fact]
    public async Task CancelledFixes_ThrowOnlyOperationCanceled()
    {
        var references = await FuzzTests.ReferencesAsync();
        var fixers = AnalyzerCatalog.CodeFixProviderTypes.Select(t => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!).ToArray();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var asked = 0;
        foreach (var (origin, text) in FuzzTests.HarvestInputs())
        {
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "C", "C", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary), parseOptions: new CSharpParseOptions(LanguageVersion.Latest), metadataReferences: references));
            var document = workspace.AddDocument(project.Id, "Test.cs", Microsoft.CodeAnalysis.Text.SourceText.From(text));
            var compilation = (await document.Project.GetCompilationAsync())!;
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            foreach (var diagnostic in await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync())
            {
                foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    asked++;
                    var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
                    await Tolerate(() => fixer.RegisterCodeFixesAsync(new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancelled.Token)), origin);
                    // Actions registered before the check: computing them with a cancelled token must not run on.
                    var live = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (a, _) => live.Add(a), CancellationToken.None));
                    foreach (var action in live)
                    {
                        await Tolerate(() => action.GetOperationsAsync(cancelled.Token), origin);
                    }
                }
            }

            if (asked > 60)
            {
                break;
            }
        }

        Assert.True(asked > 10, $"only {asked} fixes asked");
        _output.WriteLine($"{asked} fixes asked with a cancelled token");

        static async Task Tolerate(Func<Task> run, string origin)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await run();
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"{origin}: a cancelled fix threw {e.GetType().Name}: {e.Message}");
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{origin}: a cancelled fix ran {watch.Elapsed}");
        }
    }

    /// <summary>Each stub assembly removed in turn: no analyzer exception, and no LBP101 without the Lambda types.</summary>
    [Fact]
    public async Task MissingReferences_NoExceptionAndNoDiagnosticOnAMissingType()
    {
        var inputs = FuzzTests.HarvestInputs().Where((_, i) => i % 4 == 0).ToArray();
        var baseReferences = ReferenceSets.Net80WithAws;
        var single = Enum.GetValues<Stubs>().Where(s => s != Stubs.None && (s & (s - 1)) == 0).ToArray();
        var runs = 0;
        foreach (var removed in single)
        {
            // What depends on the removed package goes with it (Annotations and RuntimeSupport need Lambda.Core, ...).
            var kept = Stubs.All & ~removed;
            if (removed == Stubs.LambdaCore)
            {
                kept &= ~(Stubs.Annotations | Stubs.RuntimeSupport | Stubs.SystemTextJsonSerializer);
            }

            var references = baseReferences.AddRange(ApiSurface.References(kept));
            foreach (var (origin, text) in inputs)
            {
                runs++;
                var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), "/src/Test.cs");
                var kind = tree.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
                var compilation = CSharpCompilation.Create("Partial", new[] { tree }, references, new CSharpCompilationOptions(kind));
                var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
                var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync();
                Assert.False(diagnostics.Any(d => d.Id == "AD0001"), $"{origin} without {removed}: {string.Join("; ", diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()))}");
                if (removed == Stubs.LambdaCore && !text.Contains("namespace Amazon.Lambda.Core", StringComparison.Ordinal))
                {
                    Assert.DoesNotContain(diagnostics, d => d.Id == "LBP101");
                }
            }
        }

        _output.WriteLine($"{single.Length} stub assemblies removed in turn, {runs} analyses");
    }
}
