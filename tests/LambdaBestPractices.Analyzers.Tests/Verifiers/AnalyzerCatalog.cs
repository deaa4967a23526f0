using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Tests.Verifiers;

/// <summary>Every analyzer and fixer the package ships, found by reflection, so new rules are covered without editing tests.</summary>
internal static class AnalyzerCatalog
{
    public static Assembly AnalyzerAssembly { get; } = typeof(Descriptors).Assembly;

    public static Assembly CodeFixAssembly { get; } = typeof(LBP101CreateClientsOnceCodeFixProvider).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Every rule of the analyzer assembly (each hosted by the one shipped analyzer).</summary>
    public static ImmutableArray<Type> RuleTypes { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(LambdaBestPractices.Analyzers.Model.LambdaRule).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>Each rule alone, through the same host (<see cref="RuleAnalyzer{TRule}"/>).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> SingleRuleAnalyzers { get; } = RuleTypes
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(typeof(RuleAnalyzer<>).MakeGenericType(t))!)
        .ToImmutableArray();

    public static ImmutableArray<Type> CodeFixProviderTypes { get; } = CodeFixAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .ToImmutableArray();

    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .Distinct()
        .ToImmutableArray();

    public static string RepositoryRoot { get; } = typeof(AnalyzerCatalog).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>Compiles <paramref name="sources"/> against the test reference set and the stubs (not through the verifier).</summary>
    public static Task<Compilation> CompileAsync(Stubs stubs, OutputKind outputKind, params (string Path, string Text)[] sources) =>
        CompileAsync(ReferenceSets.Net80WithAws, stubs, outputKind, sources);

    public static Task<Compilation> CompileAsync(ImmutableArray<MetadataReference> baseReferences, Stubs stubs, OutputKind outputKind, params (string Path, string Text)[] sources)
    {
        var references = baseReferences.AddRange(ApiSurface.References(stubs));
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), s.Path));
        return Task.FromResult<Compilation>(CSharpCompilation.Create("Test", trees, references, new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable)));
    }
}
