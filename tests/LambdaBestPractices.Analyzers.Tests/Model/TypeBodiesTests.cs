using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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

    /// <summary>
    /// The value-origin index the handler model's walk records (<see cref="MemberWalker"/>) holds exactly what a walk of
    /// its own would index, in the same order: private calls, field initializers and every kind of field write, also
    /// inside lambdas and local functions.
    /// </summary>
    [Fact]
    public async Task TheModelsWalkRecordsTheIndexAWalkOfItsOwnWould()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("F.cs", """
            using System;
            public class Writer
            {
                private string _bucket = "b";
                private int _count;
                private static string s_name = Make("n");
                public string Bucket => _bucket;
                public Writer(string bucket) { _bucket = bucket; _count++; _count += 2; Touch(ref _count); }
                public void Run(string key)
                {
                    Func<string, string> f = k => Helper(k, _bucket);
                    string Local(string k) => Helper(k, s_name);
                    _bucket ??= Local(key);
                    (_bucket, _count) = ("x", 1);
                    Console.WriteLine(f(key) + Helper(key, Make(key)));
                }
                private string Helper(string key, string bucket) => bucket + key;
                private static string Make(string n) => n;
                private static void Touch(ref int value) => value++;
                public string Public(string k) => Run2(k);
                public string Run2(string k) => k;
            }
            """));
        var type = compilation.GetTypeByMetadataName("Writer")!;
        var symbols = LambdaSymbols.For(compilation);
        var set = LambdaCompilation.For(compilation).Bodies.Acquire(type);
        var model = compilation.GetSemanticModel(compilation.SyntaxTrees.Single());
        var checkedRoots = 0;
        foreach (var member in type.GetMembers())
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                if (model.GetOperation(reference.GetSyntax()) is not { } block)
                {
                    continue;
                }

                var root = Root(block);

                MemberWalker.Walk(symbols, member, [root], ConfiguredHandlers.None, set);
                var expected = ExpectedIndex(root);

                Assert.Equal(expected, set.Indexed(root));

                // The driver hands a method's body block, not the method-body root around it: the index joins the records
                // of the root's children, in order, into the root's pre-order.
                var split = LambdaCompilation.For(compilation).Bodies.Acquire(type);
                var children = root.ChildOperations.ToImmutableArray();
                MemberWalker.Walk(symbols, member, children, ConfiguredHandlers.None, split);
                var joined = Analyzers.Model.ValueOrigins.Walked(root, split.Indexed);
                Assert.NotNull(joined);
                Assert.Equal(expected, joined!.SelectMany(part => part));
                LambdaCompilation.For(compilation).Bodies.Release(split);
                checkedRoots++;
            }
        }

        Assert.True(checkedRoots >= 6, $"{checkedRoots} bodies");
        LambdaCompilation.For(compilation).Bodies.Release(set);
    }

    /// <summary>
    /// With the blocks the driver really hands over (a method's body block inside its method-body root; a constructor's
    /// <c>: this(...)</c> call outside the hidden statement that holds it), the index is read from the model's walk, not
    /// walked again, for every member body, and equals a walk of the root.
    /// </summary>
    [Fact]
    public async Task WithTheDriversBlocks_EveryBodyIsReadFromTheModelsWalk()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("F.cs", """
            public class Writer
            {
                private string _bucket = "b";
                public Writer() : this(Make("x")) { _bucket += "y"; }
                public Writer(string bucket) => _bucket = bucket;
                public string Bucket { get => _bucket; set => _bucket = Make(value); }
                public string Run(string key) { _bucket = key; return Make(key); }
                private static string Make(string n) => n;
                private class Nested { private int _n; public void Bump() => _n = Count(); private static int Count() => 1; }
            }
            """));
        var captured = new System.Collections.Concurrent.ConcurrentBag<(ISymbol Owner, System.Collections.Immutable.ImmutableArray<IOperation> Blocks)>();
        var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
            new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        await compilation.WithAnalyzers([new BlockCapture(captured)], options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var symbols = LambdaSymbols.For(compilation);
        var roots = 0;
        foreach (var group in captured.GroupBy(c => c.Owner.ContainingType, SymbolEqualityComparer.Default))
        {
            var set = LambdaCompilation.For(compilation).Bodies.Acquire((INamedTypeSymbol)group.Key!);
            foreach (var (owner, blocks) in group)
            {
                MemberWalker.Walk(symbols, owner, blocks, ConfiguredHandlers.None, set);
            }

            foreach (var root in group.SelectMany(g => g.Blocks).Select(Root).Distinct())
            {
                var expected = ExpectedIndex(root);

                var walked = Analyzers.Model.ValueOrigins.Walked(root, set.Indexed);
                Assert.True(walked is not null, $"{root.Kind} at {root.Syntax.ToString().Split('\n')[0]} was walked again");
                Assert.Equal(expected, walked!.SelectMany(part => part));
                roots++;
            }

            LambdaCompilation.For(compilation).Bodies.Release(set);
        }

        Assert.True(roots >= 8, $"{roots} bodies");
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>
    /// What the value-origin index reads of a body, written out independently of the product: in Roslyn's own pre-order,
    /// the calls of private ordinary methods, the field initializers and the field writes.
    /// </summary>
    private static IOperation[] ExpectedIndex(IOperation root) =>
        root.DescendantsAndSelf().Where(operation => operation switch
        {
            Microsoft.CodeAnalysis.Operations.IInvocationOperation { TargetMethod: { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary } } => true,
            Microsoft.CodeAnalysis.Operations.IFieldInitializerOperation => true,
            Microsoft.CodeAnalysis.Operations.IFieldReferenceOperation reference => BodyFacts.IsWrite(reference, out _),
            _ => false,
        }).ToArray();

#pragma warning disable RS1036, RS1001 // a test double, passed to CompilationWithAnalyzers directly
    private sealed class BlockCapture : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
#pragma warning restore RS1036, RS1001
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<(ISymbol, System.Collections.Immutable.ImmutableArray<IOperation>)> _captured;

        public BlockCapture(System.Collections.Concurrent.ConcurrentBag<(ISymbol, System.Collections.Immutable.ImmutableArray<IOperation>)> captured) => _captured = captured;

        // The driver runs no analyzer without a diagnostic it could report.
        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            [new DiagnosticDescriptor("TEST02", "Capture", "Capture", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true)];

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(c => _captured.Add((c.OwningSymbol, c.OperationBlocks)));
        }
    }
}
