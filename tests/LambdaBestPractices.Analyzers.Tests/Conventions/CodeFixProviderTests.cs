using System.Composition;
using System.Linq;
using System.Reflection;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LambdaBestPractices.Analyzers.Tests.Conventions;

public class CodeFixProviderTests
{
    [Fact]
    public void EveryFixer_IsExportedForCSharpAndShared()
    {
        Assert.NotEmpty(AnalyzerCatalog.CodeFixProviderTypes);
        foreach (var type in AnalyzerCatalog.CodeFixProviderTypes)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Contains(LanguageNames.CSharp, export!.Languages);
            Assert.Equal(type.Name, export.Name);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
            Assert.EndsWith("CodeFixProvider", type.Name);
        }
    }

    [Fact]
    public void EveryFixer_SupportsFixAllAndFixesKnownIds()
    {
        var ids = AnalyzerCatalog.Descriptors.Select(d => d.Id).ToHashSet();
        foreach (var type in AnalyzerCatalog.CodeFixProviderTypes)
        {
            var fixer = (CodeFixProvider)System.Activator.CreateInstance(type)!;
            Assert.NotNull(fixer.GetFixAllProvider());
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.StartsWith(fixer.FixableDiagnosticIds[0], type.Name);
        }
    }

    /// <summary>
    /// One skeleton for every fix (find, plan, apply; Fix All through the same path, one document after another), so no fix
    /// carries its own copy of the registration and Fix All code.
    /// </summary>
    [Fact]
    public void EveryFixer_DerivesFromTheOneSiteCodeFixBase()
    {
        foreach (var type in AnalyzerCatalog.CodeFixProviderTypes)
        {
            var baseType = type.BaseType;
            Assert.True(
                baseType is { IsGenericType: true } && baseType.GetGenericTypeDefinition() == typeof(LambdaBestPractices.Analyzers.CodeFixes.Internals.SiteCodeFixProvider<,>),
                $"{type.Name} derives from {baseType?.Name}, not SiteCodeFixProvider<TNode, TPlan>");
            var fixer = (CodeFixProvider)System.Activator.CreateInstance(type)!;
            Assert.Equal("SequentialFixAllProvider", fixer.GetFixAllProvider()!.GetType().Name);
        }
    }

    /// <summary>One analyzer base: the same configuration, the one per-compilation context and a bail-out for every rule.</summary>
    [Fact]
    public void EveryAnalyzer_DerivesFromTheOneRuleAnalyzerBase()
    {
        foreach (var analyzer in AnalyzerCatalog.Analyzers)
        {
            Assert.IsAssignableFrom<LambdaBestPractices.Analyzers.Model.LambdaRuleAnalyzer>(analyzer);
        }
    }

    [Fact]
    public void EveryAnalyzer_IsNamedAfterItsIdAndTargetsCSharp()
    {
        foreach (var analyzer in AnalyzerCatalog.Analyzers)
        {
            var type = analyzer.GetType();
            Assert.EndsWith("Analyzer", type.Name);
            Assert.StartsWith(analyzer.SupportedDiagnostics[0].Id, type.Name);
            Assert.Contains(LanguageNames.CSharp, type.GetCustomAttribute<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute>()!.Languages);
        }
    }
}
