using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP201AvoidRecursiveInvocationLoopsRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>LBP201 from the deployment files: a target read from an environment variable that the template sets to the function's own trigger.</summary>
public class LBP201TemplateTests
{
    private const string Path = "/src/template.yaml";

    private const string SqsForwarder = """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.SQS;

        namespace Orders
        {
            public class Forwarder
            {
                private static readonly IAmazonSQS Sqs = new AmazonSQSClient();
                private static readonly string QueueUrl = {|#1:Environment.GetEnvironmentVariable("QUEUE_URL")|}!;

                public async Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    foreach (var message in evt.Records)
                    {
                        await {|#0:Sqs.SendMessageAsync(QueueUrl, message.Body)|};
                    }
                }
            }
        }
        """;

    private static string SqsTemplate(string queueUrl) => $$"""
        Resources:
          InputQueue:
            Type: AWS::SQS::Queue
          OtherQueue:
            Type: AWS::SQS::Queue
          Forwarder:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Orders::Orders.Forwarder::Handle
              Environment:
                Variables:
                  QUEUE_URL: {{queueUrl}}
              Events:
                Incoming:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt InputQueue.Arn
        """;

    [Fact]
    public async Task QueueUrlSetToTheTriggeringQueue_Reports_WithTheTemplateLineAsAdditionalLocation()
    {
        var test = new Verify.Test { TestCode = SqsForwarder };
        test.TestState.AdditionalFiles.Add((Path, SqsTemplate("!Ref InputQueue")));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP201_AvoidRecursiveInvocationLoops)
            .WithLocation(0).WithLocation(1).WithSpan(Path, 12, 11, 12, 20)
            .WithArguments("SQS queue → this function → SendMessageAsync into the same queue (QUEUE_URL, set to 'InputQueue' in template.yaml line 12)"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("!GetAtt InputQueue.QueueUrl")]
    [InlineData("!Sub '${InputQueue}'")]
    [InlineData("{ \"Ref\": \"InputQueue\" }")]
    public Task OtherWaysToNameTheTriggeringQueue_Report(string value) => VerifyAsync(SqsForwarder, SqsTemplate(value), "SQS queue → this function → SendMessageAsync into the same queue (QUEUE_URL, set to 'InputQueue' in template.yaml line 12)");

    [Theory]
    [InlineData("!Ref OtherQueue")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/other")]
    [InlineData("!Sub 'https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/${OtherQueue}'")]
    [InlineData("!ImportValue InputQueueUrl")]
    public Task QueueUrlSetToAnotherQueue_IsSilent(string value) => VerifyAsync(SqsForwarder, SqsTemplate(value), null);

    // A filtered trigger may be what stops the loop (the template's own fix for it): not judged.
    [Fact]
    public Task FilteredQueueTrigger_IsSilent() => VerifyAsync(
        SqsForwarder,
        SqsTemplate("!Ref InputQueue") + "\n            FilterCriteria:\n              Filters:\n                - Pattern: '{\"body\":{\"kind\":[\"order\"]}}'",
        null);

    [Fact]
    public Task FilteredBucketTrigger_IsSilent() => VerifyAsync(
        ResizerSource,
        UploadsTemplate + """

                    Filter:
                      S3Key:
                        Rules:
                          - Name: prefix
                            Value: uploads/
        """,
        null);

    [Fact]
    public Task NoTemplate_IsSilent() => VerifyAsync(SqsForwarder, null, null);

    // Two functions run the same code; one sends to its own trigger, the other elsewhere: which one runs the write is not
    // known, so the rule stays silent (a miss, not a guess).
    [Fact]
    public Task AnotherFunctionOfTheProjectPointsElsewhere_IsSilent() => VerifyAsync(
        SqsForwarder,
        SqsTemplate("!Ref InputQueue") + """

          SecondForwarder:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Orders::Orders.Forwarder::Handle
              Environment:
                Variables:
                  QUEUE_URL: !Ref OtherQueue
              Events:
                Incoming:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt InputQueue.Arn
        """,
        null);

    [Fact]
    public Task BucketSetToTheTriggeringBucket_Reports() => VerifyAsync(
        ResizerSource,
        UploadsTemplate,
        "S3 bucket → this function → PutObjectAsync into the same bucket (OUTPUT_BUCKET, set to 'Uploads' in template.yaml line 10)");

    private const string ResizerSource = """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.S3Events;
        using Amazon.S3;
        using Amazon.S3.Model;

        public class Resizer
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var output = Environment.GetEnvironmentVariable("OUTPUT_BUCKET");
                foreach (var record in evt.Records)
                {
                    await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = output, Key = record.S3.Object.Key + ".small" })|};
                }
            }
        }
        """;

    private const string UploadsTemplate = """
        Resources:
          Uploads:
            Type: AWS::S3::Bucket
          Resizer:
            Type: AWS::Serverless::Function
            Properties:
              Handler: App::Resizer::Handle
              Environment:
                Variables:
                  OUTPUT_BUCKET: !Ref Uploads
              Events:
                Upload:
                  Type: S3
                  Properties:
                    Bucket: !Ref Uploads
                    Events: s3:ObjectCreated:*
        """;

    [Fact]
    public Task InvokeOfAFunctionNamedByItsOwnVariable_Reports() => VerifyAsync(
        WorkerSource,
        """
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Handler: App::Worker::Handle
              Environment:
                Variables:
                  NEXT_FUNCTION: !GetAtt Worker.Arn
        """,
        "this function → InvokeAsync of the same function (NEXT_FUNCTION, set to 'Worker' in template.yaml line 8) → this function");

    [Fact]
    public Task InvokeOfAnotherFunction_IsSilent() => VerifyAsync(
        WorkerSource,
        """
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Handler: App::Worker::Handle
              Environment:
                Variables:
                  NEXT_FUNCTION: !Ref Shipping
          Shipping:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Shipping::Shipping.Function::Handle
        """,
        null);

    private const string WorkerSource = """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;

        public class Worker
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();
            private static readonly string Next = Environment.GetEnvironmentVariable("NEXT_FUNCTION")!;

            public async Task Handle(string input, ILambdaContext context)
            {
                await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = Next, InvocationType = InvocationType.Event, Payload = input })|};
            }
        }
        """;

    private static async Task VerifyAsync(string source, string? template, string? loop)
    {
        var test = new Verify.Test { TestCode = loop is null ? source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace(")|}", ")") : source };
        if (template is not null)
        {
            test.TestState.AdditionalFiles.Add((Path, template));
        }

        if (loop is not null)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP201_AvoidRecursiveInvocationLoops).WithLocation(0).WithArguments(loop).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        await test.RunAsync();
    }
}
