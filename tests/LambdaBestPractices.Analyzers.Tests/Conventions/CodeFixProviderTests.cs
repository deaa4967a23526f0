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

    /// <summary>
    /// The package ships one analyzer, the rule host: the driver's cost per analyzer and per type is paid once, and every
    /// rule of the assembly is in it exactly once (a rule missing from the list would never run for users).
    /// </summary>
    [Fact]
    public void ThePackageShipsOneAnalyzer_HostingEveryRuleOnce()
    {
        var analyzer = Assert.Single(AnalyzerCatalog.Analyzers);
        var host = Assert.IsType<LambdaBestPracticesAnalyzer>(analyzer);
        Assert.Contains(LanguageNames.CSharp, host.GetType().GetCustomAttribute<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute>()!.Languages);
        var hosted = host.Rules.Select(r => r.GetType()).ToList();
        Assert.Equal(hosted.Count, hosted.Distinct().Count());
        Assert.Equal(AnalyzerCatalog.RuleTypes.OrderBy(t => t.Name), hosted.OrderBy(t => t.Name));
        Assert.Equal(host.Rules.SelectMany(r => r.SupportedDiagnostics).Distinct(), host.SupportedDiagnostics);
    }

    /// <summary>Everything about a rule sits under its ID: the rule type is named after it and lives in <c>Rules/&lt;ID&gt;/</c>.</summary>
    [Fact]
    public void EveryRule_IsNamedAfterItsIdAndLivesInItsFolder()
    {
        Assert.NotEmpty(AnalyzerCatalog.RuleTypes);
        foreach (var type in AnalyzerCatalog.RuleTypes)
        {
            var rule = (LambdaBestPractices.Analyzers.Model.LambdaRule)System.Activator.CreateInstance(type)!;
            var id = rule.SupportedDiagnostics[0].Id;
            Assert.All(rule.SupportedDiagnostics, d => Assert.Equal(id, d.Id));
            Assert.StartsWith(id, type.Name);
            Assert.EndsWith("Rule", type.Name);
            var file = System.IO.Path.Combine(AnalyzerCatalog.RepositoryRoot, "src", "LambdaBestPractices.Analyzers", "Rules", id, type.Name + ".cs");
            Assert.True(System.IO.File.Exists(file), $"{type.Name} is not in Rules/{id}/{type.Name}.cs");
        }
    }
}
