using System.Linq;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>The one per-compilation context: one instance per compilation, holding the one symbol table, settings, prefilter, model and bodies.</summary>
public class LambdaCompilationTests
{
    [Fact]
    public async Task OneContextPerCompilation_HoldsEverySharedPart()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("F.cs", "class C { }"));
        var context = LambdaCompilation.For(compilation);

        Assert.Same(context, LambdaCompilation.For(compilation));
        Assert.Same(context.Symbols, LambdaSymbols.For(compilation));
        Assert.Same(context.Handlers, context.Handlers);
        Assert.Same(compilation, context.Compilation);

        var other = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class D { }"));
        Assert.NotSame(context, LambdaCompilation.For(other));
        Assert.NotSame(context.Symbols, LambdaCompilation.For(other).Symbols);
    }

    [Fact]
    public async Task TheSymbolTable_ResolvesWhatEveryRuleMatches()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("F.cs", "class C { }"));
        var symbols = LambdaCompilation.For(compilation).Symbols;

        Assert.True(symbols.IsLambdaProject);
        Assert.True(symbols.HasLambdaSdk);
        Assert.True(symbols.HasCdkLambda);
        Assert.Single(symbols.RegionEndpoint);
        Assert.Single(symbols.ClientConfig);
        Assert.Single(symbols.AWSConfigs);
        Assert.Single(symbols.AmazonWebServiceRequest);
        Assert.Single(symbols.Environment);
        Assert.Equal(2, symbols.Credentials.Length);
        Assert.True(symbols.HasParameterStore);
        Assert.True(symbols.HasSecretsManager);
        Assert.Equal(EventSources.Sqs, symbols.EventSourceOfType(compilation.GetTypeByMetadataName(KnownTypes.SqsEvent)));
        Assert.True(symbols.IsClientOrClientLike(compilation.GetTypeByMetadataName("Amazon.S3.AmazonS3Client")));
        Assert.False(symbols.IsClientOrClientLike(compilation.GetTypeByMetadataName(KnownTypes.HttpClient)));
        Assert.True(symbols.IsSdkClient(compilation.GetTypeByMetadataName(KnownTypes.HttpClient)));
    }

    [Fact]
    public async Task WithoutTheLambdaSdk_HasLambdaSdkIsFalse()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.LambdaCore, OutputKind.DynamicallyLinkedLibrary, ("F.cs", "class C { }"));
        var symbols = LambdaCompilation.For(compilation).Symbols;
        Assert.True(symbols.IsLambdaProject);
        Assert.False(symbols.HasLambdaSdk);
        Assert.False(symbols.HasCdkLambda);
        Assert.False(symbols.HasSecretsManager);
    }

    [Fact]
    public async Task Settings_AreReadOncePerOptionsProvider_AndDecideTestCodePerFile()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(
            Stubs.LambdaCore,
            OutputKind.DynamicallyLinkedLibrary,
            ("Function.cs", "public partial class Function { } public class Only { }"),
            ("FunctionTests.cs", "public partial class Function { } public class Fixture { }"));
        var context = LambdaCompilation.For(compilation);
        var testFile = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("FunctionTests.cs", System.StringComparison.Ordinal));
        var provider = MarkedAsTest(testFile);

        var settings = context.Settings(provider);
        Assert.Same(settings, context.Settings(provider));
        Assert.NotSame(settings, context.Settings(MarkedAsTest(testFile)));

        Assert.True(settings.IsTest(testFile));
        Assert.False(settings.IsTest(compilation.SyntaxTrees.Single(t => t != testFile)));
        Assert.True(settings.IsTestOnly(compilation.GetTypeByMetadataName("Fixture")!));
        Assert.False(settings.IsTestOnly(compilation.GetTypeByMetadataName("Function")!));
        Assert.False(settings.IsTestOnly(compilation.GetTypeByMetadataName("Only")!));
        Assert.Equal("yes", settings.Options(testFile).TryGetValue("marker", out var marker) ? marker : null);
    }

    /// <summary>Marks one file as test code (<c>lambda_best_practices.treat_as_test_project = true</c> in its section).</summary>
    private static TestOptionsProvider MarkedAsTest(SyntaxTree testFile)
    {
        var testSection = new TestOptions((TestProjects.IsTestProjectOption, "true"), ("marker", "yes"));
        return new TestOptionsProvider(perFile: tree => tree == testFile ? testSection : TestOptions.None);
    }
}
