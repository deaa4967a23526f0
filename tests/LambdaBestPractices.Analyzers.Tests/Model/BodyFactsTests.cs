using System;
using System.Linq;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>One member body's facts, collected once for every rule: local writes and references, and operations by kind.</summary>
public class BodyFactsTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;

        public class Worker
        {
            private string _name;
            private static object s_client;

            public void M(string input)
            {
                var once = "a";
                var twice = "b";
                twice = input;
                var items = new Dictionary<string, string>();
                items["k"] = once;
                items.Add("j", twice);
                foreach (var each in new[] { 1, 2 })
                {
                }

                if (s_client == null)
                {
                    s_client = new object();
                }

                _name = input ?? "x";
                Func<string, bool> f = s => s is null;
            }
        }
        """;

    [Fact]
    public async Task Locals_WrittenOnce_GiveTheirValue_OthersNone()
    {
        var (root, locals) = await ReadAsync();
        var facts = BodyFacts.Of(root);

        Assert.Equal("a", facts.SingleValue(locals["once"])!.ConstantValue.Value);
        Assert.Null(facts.SingleValue(locals["twice"]));
        Assert.Null(facts.SingleValue(locals["each"]));
    }

    [Fact]
    public async Task References_AreEveryReadAndWriteOfTheLocal_InSourceOrder()
    {
        var (root, locals) = await ReadAsync();

        var references = BodyFacts.Of(root).References(locals["items"]);
        Assert.Equal(2, references.Count);
        Assert.IsAssignableFrom<IPropertyReferenceOperation>(references[0].Parent);
        Assert.IsAssignableFrom<IInvocationOperation>(references[1].Parent);
        Assert.True(references[0].Syntax.SpanStart < references[1].Syntax.SpanStart);
        Assert.Equal(2, BodyFacts.Of(root).References(locals["twice"]).Count);
    }

    [Fact]
    public async Task OfKind_GivesTheBodysOperationsOfThatKind_NestedFunctionsIncluded()
    {
        var (root, _) = await ReadAsync();
        var facts = BodyFacts.Of(root);

        Assert.Equal(2, facts.OfKind(OperationKind.IsPattern).Count + facts.OfKind(OperationKind.Coalesce).Count);
        Assert.Contains(facts.OfKind(OperationKind.Binary), b => b.Syntax.ToString() == "s_client == null");
        Assert.Single(facts.OfKind(OperationKind.Conditional));
        Assert.Contains(facts.OfKind(OperationKind.FieldReference), f => ((IFieldReferenceOperation)f).Field.Name == "_name");
        Assert.Empty(facts.OfKind(OperationKind.FieldInitializer));
        Assert.Throws<ArgumentOutOfRangeException>(() => facts.OfKind(OperationKind.Literal));

        // Every kept operation once, in the walk's order (a parent before the operations inside it).
        var kept = facts.KeptOperations;
        Assert.Equal(kept.Count, kept.Distinct().Count());
        Assert.Equal(facts.OfKind(OperationKind.Invocation).Count, kept.Count(o => o.Kind == OperationKind.Invocation));
        var conditional = kept.ToList().IndexOf(facts.OfKind(OperationKind.Conditional).Single());
        var test = kept.ToList().FindIndex(o => o.Syntax.ToString() == "s_client == null");
        Assert.True(conditional < test);
    }

    [Fact]
    public async Task EveryOperationOfTheBody_AsksTheSameFacts()
    {
        var (root, locals) = await ReadAsync();
        var inner = root.Descendants().OfType<IIsPatternOperation>().Single();

        Assert.Same(BodyFacts.Of(root), BodyFacts.Of(inner));
        Assert.Same(BodyFacts.Of(root), BodyFacts.Of(BodyFacts.Of(root).References(locals["once"])[0]));
    }

    private static async Task<(IOperation Root, System.Collections.Generic.Dictionary<string, ILocalSymbol> Locals)> ReadAsync()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.None, OutputKind.DynamicallyLinkedLibrary, ("Worker.cs", Source));
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var root = model.GetOperation(method.Body!)!;
        var locals = root.Descendants().OfType<IVariableDeclaratorOperation>().ToDictionary(d => d.Symbol.Name, d => d.Symbol);
        return (root, locals);
    }
}
