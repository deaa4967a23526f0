using System.Collections.Generic;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Tests.Model;

public class TestProjectsTests
{
    private static readonly SyntaxTree Tree = CSharpSyntaxTree.ParseText("class C { }", path: "/src/C.cs");

    [Fact]
    public void PlainProject_IsNotTest() =>
        Assert.False(TestProjects.IsTestProject(Compile(), Options()));

    [Theory]
    [InlineData("xunit.core")]
    [InlineData("xunit.v3.core")]
    [InlineData("nunit.framework")]
    [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework")]
    [InlineData("TUnit.Core")]
    public void ReferencedTestFramework_IsTest(string assemblyName) =>
        Assert.True(TestProjects.IsTestProject(Compile(assemblyName), Options()));

    [Fact]
    public void LookAlikeAssemblyName_IsNotTest() =>
        Assert.False(TestProjects.IsTestProject(Compile("xunit.abstractions.extensions.mine"), Options()));

    [Fact]
    public void MSBuildIsTestProject_IsTest() =>
        Assert.True(TestProjects.IsTestProject(Compile(), Options(global: ("build_property.IsTestProject", "true"))));

    [Fact]
    public void MSBuildIsTestProjectEmptyOrFalse_IsNotTest()
    {
        Assert.False(TestProjects.IsTestProject(Compile(), Options(global: ("build_property.IsTestProject", ""))));
        Assert.False(TestProjects.IsTestProject(Compile(), Options(global: ("build_property.IsTestProject", "false"))));
    }

    [Fact]
    public void GlobalOption_OverridesBothWays()
    {
        Assert.True(TestProjects.IsTestProject(Compile(), Options(global: (TestProjects.IsTestProjectOption, "true"))));
        Assert.False(TestProjects.IsTestProject(Compile("xunit.core"), Options(global: (TestProjects.IsTestProjectOption, "false"))));
        Assert.False(TestProjects.IsTestProject(
            Compile(),
            Options(global: new[] { (TestProjects.IsTestProjectOption, "False"), ("build_property.IsTestProject", "true") })));
    }

    [Fact]
    public void UnparsableOption_IsIgnored() =>
        Assert.True(TestProjects.IsTestProject(Compile("nunit.framework"), Options(global: (TestProjects.IsTestProjectOption, "yes"))));

    [Fact]
    public void PerFileEditorConfig_OverridesTheProjectAnswer()
    {
        var markedTest = Options(file: (TestProjects.IsTestProjectOption, "true"));
        var markedProduct = Options(file: (TestProjects.IsTestProjectOption, " false "));
        Assert.True(TestProjects.IsTestCode(Tree, markedTest, projectIsTest: false));
        Assert.False(TestProjects.IsTestCode(Tree, markedProduct, projectIsTest: true));
        Assert.True(TestProjects.IsTestCode(Tree, Options(), projectIsTest: true));
        Assert.False(TestProjects.IsTestCode(Tree, Options(), projectIsTest: false));
    }

    private static Compilation Compile(params string[] referencedAssemblyNames)
    {
        var references = new List<MetadataReference> { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) };
        foreach (var name in referencedAssemblyNames)
        {
            var library = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText("public class Marker { }") }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            references.Add(library.ToMetadataReference());
        }

        return CSharpCompilation.Create("Functions", new[] { Tree }, references);
    }

    private static TestOptionsProvider Options((string Key, string Value) global) => Options(global: new[] { global });

    private static TestOptionsProvider Options((string Key, string Value)[]? global = null, (string Key, string Value)? file = null) =>
        new(new TestOptions(global ?? System.Array.Empty<(string, string)>()), file is { } f ? new TestOptions(f) : TestOptions.None);
}
