using System.Collections.Generic;
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
/// The value-origin component on its own: each case passes a value to <c>Probe(...)</c> and checks what the component
/// says about it (kind, detail, derived).
/// </summary>
public class ValueOriginsTests
{
    private const string Prelude = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.S3Events;
        using Amazon.Lambda.SQSEvents;
        using Amazon.Lambda.SNSEvents;
        using Amazon.SQS;

        public partial class Function
        {
            private static void Probe(string value) { }
        """;

    [Theory]
    [InlineData("Probe(\"orders\");", "Constant", "orders", false)]
    [InlineData("Probe(context.FunctionName);", "OwnFunction", "context.FunctionName", false)]
    [InlineData("Probe(context.InvokedFunctionArn);", "OwnFunction", "context.InvokedFunctionArn", false)]
    [InlineData("Probe(Environment.GetEnvironmentVariable(\"AWS_LAMBDA_FUNCTION_NAME\"));", "OwnFunction", "AWS_LAMBDA_FUNCTION_NAME", false)]
    [InlineData("Probe(Environment.GetEnvironmentVariable(\"TABLE_NAME\") ?? \"local\");", "EnvironmentVariable", "TABLE_NAME", false)]
    [InlineData("Probe(s3.Records[0].S3.Bucket.Name);", "EventRecord", "S3.Bucket.Name", false)]
    [InlineData("Probe(s3.Records.First().S3.Object.Key);", "EventRecord", "S3.Object.Key", false)]
    [InlineData("foreach (var r in s3.Records) { Probe(r.S3.Bucket.Name); }", "EventRecord", "S3.Bucket.Name", false)]
    [InlineData("Probe(sns.Records[0].Sns.TopicArn);", "EventRecord", "Sns.TopicArn", false)]
    [InlineData("var arn = sqs.Records[0].EventSourceArn; var name = arn.Split(':').Last(); Probe(name);", "EventRecord", "EventSourceArn", true)]
    [InlineData("var self = context.FunctionName; Probe(\"arn:aws:lambda:us-east-1:1:function:\" + self);", "OwnFunction", "context.FunctionName", true)]
    [InlineData("Probe($\"arn:aws:lambda:us-east-1:1:function:{context.FunctionName}\");", "OwnFunction", "context.FunctionName", true)]
    [InlineData("Probe(Uri.UnescapeDataString(s3.Records[0].S3.Object.Key));", "EventRecord", "S3.Object.Key", true)]
    [InlineData("Probe(Field);", "OwnFunction", "AWS_LAMBDA_FUNCTION_NAME", false)]
    [InlineData("Helper(context.FunctionName);", "OwnFunction", "context.FunctionName", false)]
    public async Task Origin_IsFound(string statements, string kind, string detail, bool derived)
    {
        var origin = await OriginOfProbeAsync(statements);
        Assert.Equal(kind, origin.Kind.ToString());
        Assert.Equal(detail, origin.Detail);
        Assert.Equal(derived, origin.Derived);
    }

    [Theory]
    [InlineData("Probe(input);")]
    [InlineData("Probe(context.FunctionName + \"-worker\");")]
    [InlineData("Probe(s3.Records[0].S3.Bucket.Name + \"-resized\");")]
    [InlineData("var name = context.FunctionName; name = input; Probe(name);")]
    [InlineData("Probe(input.Length > 0 ? context.FunctionName : \"other\");")]
    [InlineData("Probe(Compute(context.FunctionName));")]
    [InlineData("Probe(Mutable);")]
    [InlineData("Helper(context.FunctionName); Helper(input);")]
    [InlineData("Probe(string.Concat(input, context.FunctionName).Substring(1));")]
    public async Task Unknown_WhenTheComponentCannotTell(string statements)
    {
        var origin = await OriginOfProbeAsync(statements);
        Assert.Equal(OriginKind.Unknown, origin.Kind);
    }

    private static async Task<ValueOrigin> OriginOfProbeAsync(string statements)
    {
        var source = Prelude + """

                private static readonly string Field = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME")!;
                private static string Mutable = "a";

                private static string Compute(string value) => value;

                private void Helper(string value) => Probe(value);

                public void Handle(string input, ILambdaContext context, S3Event s3, SQSEvent sqs, SNSEvent sns)
                {
                    Mutable = input;
            """ + statements + """

                }
            }
            """;
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", source));
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var root = await tree.GetRootAsync();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));

        var type = compilation.GetTypeByMetadataName("Function")!;
        var blocks = new List<IOperation>();
        foreach (var node in root.DescendantNodes())
        {
            var operation = node switch
            {
                MethodDeclarationSyntax { Body: { } body } => model.GetOperation(body),
                MethodDeclarationSyntax { ExpressionBody: { } arrow } => model.GetOperation(arrow),
                VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: FieldDeclarationSyntax } => model.GetOperation(initializer),
                _ => null,
            };
            if (operation is not null)
            {
                blocks.Add(operation);
            }
        }

        var origins = new ValueOrigins(LambdaSymbols.For(compilation), type, blocks, CancellationToken.None);

        // The last Probe(...) call of the source, in the handler or (for Helper cases) in the helper.
        var probe = blocks.SelectMany(b => b.DescendantsAndSelf()).OfType<IInvocationOperation>()
            .Where(i => i.TargetMethod.Name == "Probe")
            .OrderByDescending(i => i.Syntax.SpanStart)
            .First(i => statements.Contains("Helper") ? i.Syntax.Ancestors().OfType<MethodDeclarationSyntax>().First().Identifier.Text == "Helper" : true);
        return origins.Of(probe.Arguments[0].Value);
    }
}
