using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>The per-type bodies and value origins that LBP201 and LBP202 share: built once, dropped after the last rule.</summary>
public class TypeBodiesTests
{
    [Fact]
    public async Task RulesOfOneTypeShareOneSet_AndTheLastReleaseDropsIt()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("F.cs", """
            public class Writer
            {
                private const string Bucket = "b";
                public string Name() => Bucket + "-x";
                public string Other() => Name();
            }
            """));
        var type = compilation.GetTypeByMetadataName("Writer")!;
        var table = LambdaCompilation.For(compilation).Bodies;
        Assert.Same(table, LambdaCompilation.For(compilation).Bodies);

        var first = table.Acquire(type);
        var second = table.Acquire(type);
        Assert.Same(first, second);

        // Two rules' operation-block actions report the same members: each member is kept once, in source order.
        var model = compilation.GetSemanticModel(compilation.SyntaxTrees.Single());
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).Reverse())
        {
            var syntax = method.DeclaringSyntaxReferences.Single().GetSyntax();
            var body = model.GetOperation(syntax)!;
            first.Add(method, [body]);
            second.Add(method, [body]);
        }

        Assert.Equal(2, first.Bodies.Count);
        Assert.True(first.Bodies[0].Syntax.SpanStart < first.Bodies[1].Syntax.SpanStart);
        var symbols = LambdaSymbols.For(compilation);
        Assert.Same(first.Origins(symbols, CancellationToken.None), second.Origins(symbols, CancellationToken.None));

        // A rule whose symbol start comes after another rule's bodies arrived (the driver's usual order) joins the same set.
        var late = table.Acquire(type);
        Assert.Same(first, late);

        table.Release(first);
        table.Release(second);
        Assert.Same(first, table.Acquire(type));
        table.Release(late);
        table.Release(first);

        // Released by every rule: the next rule starts a new set (nothing is kept for the compilation's lifetime).
        var next = table.Acquire(type);
        Assert.NotSame(first, next);
        Assert.Empty(next.Bodies);
    }
}
