using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>
/// The engine's one definition of a constant string (<see cref="ConstantStrings"/>), the one every rule and fix asks: each
/// case passes a value to <c>Probe(...)</c> and checks the string the engine finds, or that it finds none.
/// </summary>
public class ConstantStringsTests
{
    private const string Source = """
        using System;

        public static class Names
        {
            public const string Queue = "orders-queue";
            public static readonly string Bucket = "orders-bucket";
            public static string Table { get; } = "orders-table";
            public static string Topic => "orders-topic";
            public static string Mutable = "mutable";
            public static readonly string FromEnvironment = Environment.GetEnvironmentVariable("NAME") ?? "";
        }

        public class Settings
        {
            private readonly string _region = "eu-west-1";
            private readonly string _assigned = "default";
            public virtual string Overridable => "virtual";

            public Settings(string assigned) => _assigned = assigned;

            // Written once, with a literal, in a constructor: fixed (issue 16). Written twice, or in a lambda there: not.
            private string _fromConstructor;
            private string _twice;
            private string _inLambda;
            public string Stage { get; private set; }
            public string Region { get; }
            private string _refAliased;
            [Obsolete] private string _attributed;

            public Settings() : this("x")
            {
                _fromConstructor = "from-ctor";
                Stage = "prod";
                Region = "eu-west-2";
                _twice = "a";
                Action later = () => _inLambda = "lambda";
                _refAliased = "aliased";
                ref var alias = ref _refAliased;
                _attributed = "attributed";
            }

            public void Other() => _twice = "b";

            public void Run(string input)
            {
                // PROBES
            }

            private static void Probe(string value) { }
        }
        """;

    [Theory]
    [InlineData("Probe(\"orders\");", "orders")]
    [InlineData("Probe(Names.Queue);", "orders-queue")]
    [InlineData("Probe(nameof(Names));", "Names")]
    [InlineData("Probe(Names.Bucket);", "orders-bucket")]
    [InlineData("Probe(Names.Table);", "orders-table")]
    [InlineData("Probe(Names.Topic);", "orders-topic")]
    [InlineData("Probe(_region);", "eu-west-1")]
    [InlineData("var name = \"orders\"; Probe(name);", "orders")]
    [InlineData("const string name = \"orders\"; Probe(name);", "orders")]
    [InlineData("Probe(Names.Queue + \"-dlq\");", "orders-queue-dlq")]
    [InlineData("var stage = \"prod\"; Probe($\"orders-{stage}-{7}\");", "orders-prod-7")]
    [InlineData("Probe(\"\");", "")]
    [InlineData("Probe(_fromConstructor);", "from-ctor")]
    [InlineData("Probe(Stage);", "prod")]
    [InlineData("Probe(Region);", "eu-west-2")]
    public async Task ConstantString_IsFound(string statements, string expected)
    {
        var (constants, value) = await ProbeAsync(statements);
        Assert.True(constants.TryGet(value, out var found, CancellationToken.None), $"no constant found for {statements}");
        Assert.Equal(expected, found);
        Assert.Equal(expected.Length > 0, constants.IsNonEmpty(value, CancellationToken.None));
    }

    [Theory]
    [InlineData("Probe(input);")]
    [InlineData("Probe(Names.Mutable);")]
    [InlineData("Probe(Names.FromEnvironment);")]
    [InlineData("Probe(_assigned);")]
    [InlineData("Probe(Overridable);")]
    [InlineData("var name = \"a\"; name = input; Probe(name);")]
    [InlineData("Probe(input ?? \"fallback\");")]
    [InlineData("Probe(input.Length > 0 ? \"a\" : \"b\");")]
    [InlineData("Probe(\"orders-\" + input);")]
    [InlineData("Probe($\"orders-{input}\");")]
    [InlineData("Probe(null!);")]
    [InlineData("Probe(Environment.GetEnvironmentVariable(\"QUEUE\")!);")]
    [InlineData("Probe(_twice);")]
    [InlineData("Probe(_inLambda);")]
    [InlineData("Probe(_refAliased);")]
    [InlineData("Probe(_attributed);")]
    public async Task NotConstant(string statements)
    {
        var (constants, value) = await ProbeAsync(statements);
        Assert.False(constants.TryGet(value, out _, CancellationToken.None), $"a constant found for {statements}");
        Assert.False(constants.IsNonEmpty(value, CancellationToken.None));
    }

    /// <summary>The literal a diagnostic sits on is where the string is written, in the type that writes it.</summary>
    [Fact]
    public async Task Resolve_PointsAtTheLiteralAndItsType()
    {
        var (constants, value) = await ProbeAsync("Probe(Names.Bucket);");
        var origin = constants.Resolve(value, currentType: null, CancellationToken.None);
        Assert.NotNull(origin);
        Assert.Equal("\"orders-bucket\"", origin!.Node.ToString());
        Assert.Equal("Names", origin.OwnerType?.Name);
    }

    /// <summary>One instance per compilation: every rule and fix asks the same one (and shares its caches).</summary>
    [Fact]
    public async Task OneInstancePerCompilation()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.None, OutputKind.DynamicallyLinkedLibrary, ("Settings.cs", Source));
        Assert.Same(LambdaCompilation.For(compilation).Constants, LambdaCompilation.For(compilation).Constants);
    }

    private static async Task<(ConstantStrings Constants, IOperation Value)> ProbeAsync(string statements)
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.None, OutputKind.DynamicallyLinkedLibrary, ("Settings.cs", Source.Replace("// PROBES", statements)));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));

        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var run = (await tree.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Run");
        var probe = model.GetOperation(run.Body!)!.DescendantsAndSelf().OfType<IInvocationOperation>().Last(i => i.TargetMethod.Name == "Probe");
        return (LambdaCompilation.For(compilation).Constants, probe.Arguments[0].Value);
    }
}
