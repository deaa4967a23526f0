using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP202MakeWritesIdempotentRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>LBP202: the event sources a deployment file connects to a handler decide at-least-once delivery where its signature cannot.</summary>
public class LBP202TemplateTests
{
    // A POCO input: the signature names no event source.
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.Core;

        namespace Orders
        {
            public class Function
            {
                private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

                public async Task Handle(OrderPlaced order, ILambdaContext context)
                {
                    await {|#0:Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) })|};
                }
            }

            public class OrderPlaced
            {
                public string Id { get; set; } = "";
            }
        }
        """;

    [Theory]
    [InlineData("Type: SQS\n          Properties:\n            Queue: !GetAtt InputQueue.Arn", "SQS message")]
    [InlineData("Type: Schedule\n          Properties:\n            Schedule: rate(5 minutes)", "EventBridge event")]
    [InlineData("Type: EventBridgeRule\n          Properties:\n            Pattern: { source: [orders] }", "EventBridge event")]
    [InlineData("Type: SNS\n          Properties:\n            Topic: !Ref Topic", "SNS message")]
    public Task SamEventSource_DecidesAtLeastOnce(string samEvent, string noun) => VerifyAsync(SamTemplate(samEvent), noun);

    [Fact]
    public Task EventSourceMappingOfAPlainFunction_DecidesAtLeastOnce() => VerifyAsync(
        """
        {
          "Resources": {
            "InputQueue": { "Type": "AWS::SQS::Queue" },
            "OrdersFunction": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "Orders::Orders.Function::Handle" } },
            "Mapping": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "Properties": { "FunctionName": { "Ref": "OrdersFunction" }, "EventSourceArn": { "Fn::GetAtt": [ "InputQueue", "Arn" ] } }
            }
          }
        }
        """,
        "SQS message",
        "/src/serverless.template");

    [Fact]
    public Task PermissionForS3_DecidesAtLeastOnce() => VerifyAsync(
        """
        Resources:
          OrdersFunction:
            Type: AWS::Lambda::Function
            Properties:
              Handler: Orders::Orders.Function::Handle
          Invoke:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !GetAtt OrdersFunction.Arn
              Action: lambda:InvokeFunction
              Principal: s3.amazonaws.com
        """,
        "S3 event notification");

    [Theory]
    [InlineData("Type: Api\n          Properties:\n            Path: /orders\n            Method: post")]
    [InlineData("Type: HttpApi")]
    public Task SynchronousEventSource_IsSilent(string samEvent) => VerifyAsync(SamTemplate(samEvent), noun: null);

    // Files that disagree with the code: where the signature names a source, it wins (the template fills in only what the
    // signature does not say).
    [Theory]
    [InlineData("SQSEvent", "Type: Api\n          Properties:\n            Path: /orders\n            Method: post", "SQS message")]
    [InlineData("APIGatewayProxyRequest", "Type: SQS\n          Properties:\n            Queue: !GetAtt InputQueue.Arn", null)]
    public Task SignatureNamesASource_TheTemplateDoesNotOverrideIt(string eventType, string samEvent, string? noun) => VerifyAsync(
        SamTemplate(samEvent),
        noun,
        source: Source.Replace("OrderPlaced order", eventType + " order").Replace("using Amazon.Lambda.Core;", "using Amazon.Lambda.Core;\n    using Amazon.Lambda.APIGatewayEvents;\n    using Amazon.Lambda.SQSEvents;"));

    [Fact]
    public async Task ExecutableAssemblyHandler_GetsTheTemplatesSources()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                var db = new AmazonDynamoDBClient();
                var handler = async (OrderPlaced order, ILambdaContext context) =>
                {
                    await {|#0:db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) })|};
                };
                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                public record OrderPlaced(string Id);
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.AdditionalFiles.Add(("/src/template.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject\n      Runtime: dotnet8\n      Events:\n        E:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Q.Arn\n"));
        test.ExpectedDiagnostics.Add(FreshKey("SQS message"));
        await test.RunAsync();
    }

    [Fact]
    public Task NoTemplate_IsSilent() => VerifyAsync(template: null, noun: null);

    /// <summary>A SAM template whose function (the handler of <see cref="Source"/>) has one event, <paramref name="samEvent"/>.</summary>
    private static string SamTemplate(string samEvent) => $$"""
        Resources:
          InputQueue:
            Type: AWS::SQS::Queue
          Topic:
            Type: AWS::SNS::Topic
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Orders::Orders.Function::Handle
              Events:
                Trigger:
                  {{samEvent}}
        """;

    private static DiagnosticResult FreshKey(string noun) =>
        Verify.Diagnostic(Descriptors.LBP202_MakeWritesIdempotent)
            .WithLocation(0)
            .WithArguments($"A redelivered {noun} writes a second item: the key attribute 'pk' comes from Guid.NewGuid()")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static async Task VerifyAsync(string? template, string? noun, string path = "/src/template.yaml", string source = Source)
    {
        var test = new Verify.Test { TestCode = noun is null ? source.Replace("{|#0:", string.Empty).Replace("})|}", "})") : source };
        if (template is not null)
        {
            test.TestState.AdditionalFiles.Add((path, template));
        }

        if (noun is not null)
        {
            test.ExpectedDiagnostics.Add(FreshKey(noun));
        }

        await test.RunAsync();
    }
}
