using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Test doubles, not shipped analyzers: no release tracking, and the test project is not an analyzer project.
#pragma warning disable RS1036, RS2008

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>
/// The rule host (<see cref="RuleHostAnalyzer"/>): one analyzer for every rule. What the driver sees (one action of each
/// kind), that every rule still gets what it asked for, that a rule switched off does not run, and that a rule that throws
/// does not silence the others.
/// </summary>
public class RuleHostTests
{
    private const string Handler = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            public Task Handle(string input, ILambdaContext context)
            {
                var s3 = new AmazonS3Client();
                var password = System.Environment.GetEnvironmentVariable("DB_PASSWORD");
                System.Console.WriteLine(password is null ? "missing" : "set");
                return s3.ListBucketsAsync();
            }

            private class Nested
            {
                public void M() { }
            }
        }
        """;

    /// <summary>The shipped analyzer reports what each rule reports alone, together.</summary>
    [Fact]
    public async Task TheShippedAnalyzer_ReportsWhatEachRuleReportsAlone()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", Handler));
        var together = await Diagnostics(compilation, new LambdaBestPracticesAnalyzer());
        var alone = new List<string>();
        foreach (var analyzer in AnalyzerCatalog.SingleRuleAnalyzers)
        {
            alone.AddRange(await Diagnostics(compilation, analyzer));
        }

        Assert.Contains(together, d => d.StartsWith("LBP101", StringComparison.Ordinal));
        Assert.Contains(together, d => d.StartsWith("LBP301", StringComparison.Ordinal));
        Assert.Equal(alone.OrderBy(d => d, StringComparer.Ordinal), together);
    }

    /// <summary>Per type, the driver sees one symbol start, one operation action, one block action and one symbol end, whatever the number of rules.</summary>
    [Fact]
    public async Task PerType_TheHostRegistersOneActionOfEachKind()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", Handler));
        var analyzer = new LambdaBestPracticesAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), Options());
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);

        // One symbol start for the compilation; Function and Nested each register at most one end and one block action.
        Assert.Equal(1, telemetry.SymbolStartActionsCount);
        Assert.True(telemetry.SymbolEndActionsCount <= 2, $"{telemetry.SymbolEndActionsCount} symbol-end actions");
        Assert.True(telemetry.OperationBlockActionsCount <= 2, $"{telemetry.OperationBlockActionsCount} operation-block actions");
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
    }

    /// <summary><c>/nowarn</c>, a ruleset or a global config that switches a rule off for the compilation: the rule does not run.</summary>
    [Fact]
    public void OneKindRegistrations_ShareTheKindsArray()
    {
        var first = OperationRuleAction.Single(OperationKind.Invocation);
        Assert.Same(first, OperationRuleAction.Single(OperationKind.Invocation));
        Assert.Equal(new[] { OperationKind.Invocation }, first);
        Assert.Equal(new[] { OperationKind.ObjectCreation }, OperationRuleAction.Single(OperationKind.ObjectCreation));
    }

    [Fact]
    public async Task ARuleSwitchedOffForTheCompilation_DoesNotRun()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", Handler));
        var off = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem("LBP101", ReportDiagnostic.Suppress)));
        var analyzer = new RuleAnalyzer<LBP101CreateClientsOnceRule>();
        var withAnalyzers = off.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), Options());

        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None));
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        Assert.Equal(0, telemetry.SymbolStartActionsCount + telemetry.OperationActionsCount + telemetry.CompilationEndActionsCount);

        // The other rules of the shipped analyzer still run.
        var rest = await Diagnostics(off, new LambdaBestPracticesAnalyzer());
        Assert.DoesNotContain(rest, d => d.StartsWith("LBP101", StringComparison.Ordinal));
        Assert.Contains(rest, d => d.StartsWith("LBP301", StringComparison.Ordinal));
    }

    /// <summary>Off for the compilation but on in one file's <c>.editorconfig</c> section: the rule runs (the driver filters per file).</summary>
    [Fact]
    public void ARuleOffForTheCompilationButOnInOneFile_Runs()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }", path: "/src/On.cs");
        var compilation = CSharpCompilation.Create("T", new[] { tree }, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["LBP101"] = ReportDiagnostic.Suppress })
            .WithSyntaxTreeOptionsProvider(new PerFile(tree, "LBP101", ReportDiagnostic.Warn)));

        Assert.True(RuleSwitch.IsOn(new LBP101CreateClientsOnceRule(), compilation, CancellationToken.None));
        Assert.False(RuleSwitch.IsOn(new LBP201AvoidRecursiveInvocationLoopsRule(), compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            new Dictionary<string, ReportDiagnostic> { ["LBP201"] = ReportDiagnostic.Suppress })), CancellationToken.None));
    }

    /// <summary><c>[*.cs] dotnet_diagnostic.LBP101.severity = none</c>: every file says none, so the rule does not run; one file without it is enough to run.</summary>
    [Fact]
    public void ARuleNoneInEveryFilesEditorConfig_DoesNotRun()
    {
        var first = CSharpSyntaxTree.ParseText("class A { }", path: "/src/A.cs");
        var second = CSharpSyntaxTree.ParseText("class B { }", path: "/src/B.cs");
        var everyFile = CSharpCompilation.Create("T", new[] { first, second }, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSyntaxTreeOptionsProvider(new PerFile(null, "LBP101", ReportDiagnostic.Suppress)));
        var oneFile = everyFile.WithOptions(everyFile.Options.WithSyntaxTreeOptionsProvider(new PerFile(first, "LBP101", ReportDiagnostic.Suppress)));

        Assert.False(RuleSwitch.IsOn(new LBP101CreateClientsOnceRule(), everyFile, CancellationToken.None));
        Assert.True(RuleSwitch.IsOn(new LBP101CreateClientsOnceRule(), oneFile, CancellationToken.None));
        Assert.True(RuleSwitch.IsOn(new LBP201AvoidRecursiveInvocationLoopsRule(), everyFile, CancellationToken.None));

        // `/warnaserror:LBP101` (or a ruleset's Error) wins over the files' options: the rule runs.
        var asError = everyFile.WithOptions(everyFile.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["LBP101"] = ReportDiagnostic.Error }));
        Assert.True(RuleSwitch.IsOn(new LBP101CreateClientsOnceRule(), asError, CancellationToken.None));
    }

    /// <summary>A rule that throws: the driver reports it (AD0001), and the rules after it in the same callback still run.</summary>
    [Fact]
    public async Task ARuleThatThrows_DoesNotSilenceTheOthers()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", Handler));
        var analyzer = new ThrowingFirstAnalyzer();
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Contains(exceptions, e => e is InvalidOperationException { Message: "thrown by a test rule" });
        Assert.Contains(diagnostics, d => d.Id == "LBP101");
    }

    private static async Task<ImmutableArray<string>> Diagnostics(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), Options()).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static CompilationWithAnalyzersOptions Options() =>
        new(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);

    /// <summary>A rule that throws on every object creation, hosted before LBP101.</summary>
    private sealed class ThrowingRule : LambdaRule
    {
        private static readonly DiagnosticDescriptor Never = new("TEST01", "Never", "Never", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        internal override bool AppliesTo(LambdaSymbols symbols) => true;

        internal override void Start(RuleStart context, LambdaCompilation compilation) =>
            context.RegisterTypeStartAction(type => type.RegisterOperationAction(_ => throw new InvalidOperationException("thrown by a test rule"), OperationKind.ObjectCreation));
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingFirstAnalyzer : RuleHostAnalyzer
    {
        public ThrowingFirstAnalyzer()
            : base(new ThrowingRule(), new LBP101CreateClientsOnceRule())
        {
        }
    }

    /// <summary>One file's <c>.editorconfig</c> severity for one ID (every file's when <paramref name="tree"/> is null).</summary>
    private sealed class PerFile : SyntaxTreeOptionsProvider
    {
        private readonly SyntaxTree? _tree;
        private readonly string _id;
        private readonly ReportDiagnostic _severity;

        public PerFile(SyntaxTree? tree, string id, ReportDiagnostic severity)
        {
            _tree = tree;
            _id = id;
            _severity = severity;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = _severity;
            return (_tree is null || tree == _tree) && diagnosticId == _id;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }
    }
}
