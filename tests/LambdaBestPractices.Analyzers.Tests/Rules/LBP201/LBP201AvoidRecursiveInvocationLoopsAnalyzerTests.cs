using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP201AvoidRecursiveInvocationLoopsRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP201AvoidRecursiveInvocationLoopsAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.DynamoDBEvents;
        using Amazon.Lambda.Model;
        using Amazon.Lambda.S3Events;
        using Amazon.Lambda.SNSEvents;
        using Amazon.Lambda.SQSEvents;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Amazon.S3.Transfer;
        using Amazon.SimpleNotificationService;
        using Amazon.SimpleNotificationService.Model;
        using Amazon.SQS;
        using Amazon.SQS.Model;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.VerifyAnalyzerAsync(Usings + source, expected);

    /// <summary>A loop at the call; the related location (where the name comes from) is checked in its own tests.</summary>
    private static DiagnosticResult Loop(int location, string loop) =>
        Verify.Diagnostic(Descriptors.LBP201_AvoidRecursiveInvocationLoops).WithLocation(location).WithArguments(loop).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult CrossTypeLoop(int location, string loop) =>
        Verify.Diagnostic(Descriptors.LBP201_AvoidRecursiveInvocationLoops_CrossType).WithLocation(location).WithArguments(loop).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task RelatedLocation_PointsAtWhereTheNameComesFrom() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var self = {|#1:context.FunctionName|};
                await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = self })|};
                var bucket = {|#3:evt.Records[0].S3.Bucket.Name|};
                await {|#2:S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "x" })|};
            }
        }
        """,
        Verify.Diagnostic(Descriptors.LBP201_AvoidRecursiveInvocationLoops).WithLocation(0).WithLocation(1)
            .WithArguments("this function → InvokeAsync of the same function (context.FunctionName) → this function"),
        Verify.Diagnostic(Descriptors.LBP201_AvoidRecursiveInvocationLoops).WithLocation(2).WithLocation(3)
            .WithArguments("S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"));

    // ---- self-invocation ----

    [Fact]
    public Task InvokeWithContextFunctionName_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = context.FunctionName, InvocationType = InvocationType.Event, Payload = input })|};
                await {|#1:Lambda.InvokeAsync(new InvokeRequest { FunctionName = context.InvokedFunctionArn })|};
            }
        }
        """,
        Loop(0, "this function → InvokeAsync of the same function (context.FunctionName) → this function"),
        Loop(1, "this function → InvokeAsync of the same function (context.InvokedFunctionArn) → this function"));

    [Fact]
    public Task InvokeThroughLocalsFieldsConcatenationAndRequestVariable_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly string Self = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME")!;
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = Self })|};
                var name = context.FunctionName;
                var arn = $"arn:aws:lambda:us-east-1:123456789012:function:{name}";
                await {|#1:Lambda.InvokeAsync(new InvokeRequest { FunctionName = arn, InvocationType = InvocationType.Event })|};
                var request = new InvokeRequest();
                request.FunctionName = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "fallback";
                await {|#2:Lambda.InvokeAsync(request)|};
                await {|#3:Lambda.InvokeAsyncAsync(new InvokeAsyncRequest { FunctionName = context.FunctionName })|};
            }
        }
        """,
        Loop(0, "this function → InvokeAsync of the same function (AWS_LAMBDA_FUNCTION_NAME) → this function"),
        Loop(1, "this function → InvokeAsync of the same function (context.FunctionName) → this function"),
        Loop(2, "this function → InvokeAsync of the same function (AWS_LAMBDA_FUNCTION_NAME) → this function"),
        Loop(3, "this function → InvokeAsyncAsync of the same function (context.FunctionName) → this function"));

    /// <summary>An alias or version of the function is the same function: its name, then a qualifier starting with ':' (issue 16).</summary>
    [Fact]
    public Task QualifiedSelfInvocation_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly string Self = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME")!;
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(string alias, ILambdaContext context)
            {
                await {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = context.FunctionName + ":" + alias, InvocationType = InvocationType.Event })|};
                await {|#1:Lambda.InvokeAsync(new InvokeRequest { FunctionName = context.FunctionName + ":live", InvocationType = InvocationType.Event })|};
                await {|#2:Lambda.InvokeAsync(new InvokeRequest { FunctionName = $"{context.FunctionName}:{alias}", InvocationType = InvocationType.Event })|};
                var qualified = $"{Self}:prod";
                await {|#3:Lambda.InvokeAsync(new InvokeRequest { FunctionName = qualified, InvocationType = InvocationType.Event })|};
            }
        }
        """,
        Loop(0, "this function → InvokeAsync of the same function (context.FunctionName) → this function"),
        Loop(1, "this function → InvokeAsync of the same function (context.FunctionName) → this function"),
        Loop(2, "this function → InvokeAsync of the same function (context.FunctionName) → this function"),
        Loop(3, "this function → InvokeAsync of the same function (AWS_LAMBDA_FUNCTION_NAME) → this function"));

    /// <summary>A name built from the function's own name without a ':' qualifier is another function (a worker, a stage).</summary>
    [Fact]
    public Task FunctionNamedAfterItself_IsSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(string alias, ILambdaContext context)
            {
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = context.FunctionName + "-worker", InvocationType = InvocationType.Event });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = $"{context.FunctionName}-processor:{alias}", InvocationType = InvocationType.Event });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "worker-" + context.FunctionName.Length + ":live", InvocationType = InvocationType.Event });
            }
        }
        """);

    [Fact]
    public Task InvokeInAPrivateHelper_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public Task Handle(string input, ILambdaContext context) => Continue(context.FunctionName, input);

            private Task Continue(string functionName, string payload) =>
                {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = functionName, Payload = payload, InvocationType = InvocationType.Event })|};
        }
        """,
        Loop(0, "this function → InvokeAsync of the same function (context.FunctionName) → this function"));

    [Fact]
    public Task InvokeInAHelperClassInAnotherFile_ReportsAtCompilationEnd()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Function.cs", Usings + """
                        public class Function
                        {
                            private readonly Continuation _continuation = new();

                            public Task Handle(string input, ILambdaContext context) => _continuation.ScheduleAsync(context, input);
                        }
                        """),
                    ("Continuation.cs", Usings + """
                        public class Continuation
                        {
                            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

                            public Task ScheduleAsync(ILambdaContext context, string input) =>
                                {|#0:Lambda.InvokeAsync(new InvokeRequest { FunctionName = context.FunctionName, Payload = input, InvocationType = InvocationType.Event })|};
                        }
                        """),
                },
            },
        };
        test.ExpectedDiagnostics.Add(CrossTypeLoop(0, "this function → InvokeAsync of the same function (context.FunctionName) → this function"));
        return test.RunAsync();
    }

    [Fact]
    public Task InvokingAnotherFunction_IsSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();
            private static readonly string Worker = Environment.GetEnvironmentVariable("WORKER_FUNCTION_NAME")!;

            public async Task Handle(string input, ILambdaContext context)
            {
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = Worker, InvocationType = InvocationType.Event });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "resize-image" });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = context.FunctionName + "-worker" });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = input });
                var name = context.FunctionName;
                name = "other";
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = name });
                context.Logger.LogLine(context.FunctionName);
            }
        }
        """);

    [Fact]
    public Task SelfInvokeOffTheInvocationPath_IsSilent() => VerifyAsync("""
        public class Tools
        {
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public Task Warm(ILambdaContext context) => Task.CompletedTask;

            public Task Unused(string name) => Lambda.InvokeAsync(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") });
        }
        """);

    // ---- write-back ----

    [Fact]
    public Task S3WritesIntoTheTriggeringBucket_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();
            private static readonly TransferUtility Transfer = new(new AmazonS3Client());

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    var bucket = record.S3.Bucket.Name;
                    var key = record.S3.Object.Key;
                    await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key + ".resized", ContentBody = "x" })|};
                    await {|#1:S3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = key, DestinationBucket = record.S3.Bucket.Name, DestinationKey = "copy-" + key })|};
                    await {|#2:Transfer.UploadAsync("/tmp/out.png", bucket, "out/" + key)|};
                }

                var first = evt.Records.First();
                await {|#3:S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = first.S3.Bucket.Name, Key = "big.bin", UploadId = "1" })|};
                await {|#4:S3.PutObjectAsync(new PutObjectRequest { BucketName = evt.Records[0].S3.Bucket.Name, Key = "summary.json" })|};
            }
        }
        """,
        Loop(0, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"),
        Loop(1, "S3 bucket → this function → CopyObjectAsync into the same bucket (record.S3.Bucket.Name)"),
        Loop(2, "S3 bucket → this function → UploadAsync into the same bucket (record.S3.Bucket.Name)"),
        Loop(3, "S3 bucket → this function → CompleteMultipartUploadAsync into the same bucket (record.S3.Bucket.Name)"),
        Loop(4, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"));

    [Fact]
    public Task S3WriteInAHelperTakingTheRecord_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await SaveThumbnail(record, "thumb.png");
                }
            }

            private Task SaveThumbnail(S3Event.S3EventNotificationRecord record, string name) =>
                {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = name })|};
        }
        """,
        Loop(0, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"));

    [Fact]
    public Task SnsSqsAndDynamoDBWriteBacks_Report() => VerifyAsync("""
        public class SnsFunction
        {
            private static readonly IAmazonSimpleNotificationService Sns = new AmazonSimpleNotificationServiceClient();

            public async Task Handle(SNSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await {|#0:Sns.PublishAsync(new PublishRequest { TopicArn = record.Sns.TopicArn, Message = "again" })|};
                    await {|#1:Sns.PublishAsync(record.Sns.TopicArn, "again")|};
                }
            }
        }

        public class SqsFunction
        {
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var message in evt.Records)
                {
                    var queueName = message.EventSourceArn.Split(':').Last();
                    var queueUrl = (await Sqs.GetQueueUrlAsync(queueName)).QueueUrl;
                    await {|#2:Sqs.SendMessageAsync(queueUrl, message.Body)|};
                    var parts = message.EventSourceArn.Split(':');
                    await {|#3:Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = $"https://sqs.{parts[3]}.amazonaws.com/{parts[4]}/{parts[5]}", MessageBody = "retry" })|};
                }
            }
        }

        public class StreamFunction
        {
            private static readonly IAmazonDynamoDB Dynamo = new AmazonDynamoDBClient();

            public async Task Handle(DynamoDBEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    var table = record.EventSourceArn.Split('/')[1];
                    await {|#4:Dynamo.PutItemAsync(new PutItemRequest { TableName = table, Item = new Dictionary<string, AttributeValue>() })|};
                    await {|#5:Dynamo.UpdateItemAsync(new UpdateItemRequest { TableName = table, Key = new Dictionary<string, AttributeValue>(), UpdateExpression = "SET seen = :t" })|};
                }
            }
        }
        """,
        Loop(0, "SNS topic → this function → PublishAsync into the same topic (record.Sns.TopicArn)"),
        Loop(1, "SNS topic → this function → PublishAsync into the same topic (record.Sns.TopicArn)"),
        Loop(2, "SQS queue → this function → SendMessageAsync into the same queue (record.EventSourceArn)"),
        Loop(3, "SQS queue → this function → SendMessageAsync into the same queue (record.EventSourceArn)"),
        Loop(4, "DynamoDB table stream → this function → PutItemAsync into the same table (record.EventSourceArn)"),
        Loop(5, "DynamoDB table stream → this function → UpdateItemAsync into the same table (record.EventSourceArn)"));

    [Fact]
    public Task DifferentTargetsAndReads_AreSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();
            private static readonly string Output = Environment.GetEnvironmentVariable("OUTPUT_BUCKET")!;

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    var bucket = record.S3.Bucket.Name;
                    var original = await S3.GetObjectAsync(bucket, record.S3.Object.Key);
                    await S3.GetObjectMetadataAsync(bucket, record.S3.Object.Key);
                    await S3.DeleteObjectAsync(bucket, record.S3.Object.Key);
                    await S3.PutObjectAsync(new PutObjectRequest { BucketName = Output, Key = record.S3.Object.Key });
                    await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket + "-resized", Key = record.S3.Object.Key });
                    await S3.PutObjectTaggingAsync(new PutObjectTaggingRequest { BucketName = bucket, Key = record.S3.Object.Key });
                    await S3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = "a", DestinationBucket = Output, DestinationKey = "a" });
                    await Sqs.SendMessageAsync(Environment.GetEnvironmentVariable("NEXT_QUEUE_URL"), record.S3.Object.Key);
                }
            }
        }
        """);

    [Fact]
    public Task WriteBackFromAHandlerOfAnotherSource_IsSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public Task Handle(SQSEvent evt, ILambdaContext context) => Save(evt.Records[0].EventSourceArn);

            private Task Save(string name) => S3.PutObjectAsync(new PutObjectRequest { BucketName = name, Key = "x" });
        }
        """);

    [Fact]
    public Task ParameterWithDisagreeingCallers_IsSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                await Save(evt.Records[0].S3.Bucket.Name);
                await Save(Environment.GetEnvironmentVariable("ARCHIVE_BUCKET")!);
            }

            private Task Save(string bucket) => S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "x" });
        }
        """);

    // ---- the resource handed to another type's method (issue 16) ----

    /// <summary>
    /// The event's bucket or topic, or the function's own name, passed to a method of another type (a storage service, a
    /// notifier, a fan-out helper) that writes to it or invokes it: reported at the write, at compilation end, with the
    /// value in the handler as the related location.
    /// </summary>
    [Fact]
    public Task ResourcePassedToAServiceThatWritesBack_Reports()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Functions.cs", Usings + """
            public class ResizeFunction
            {
                private readonly Storage _storage = new();

                public async Task Handle(S3Event evt, ILambdaContext context)
                {
                    foreach (var record in evt.Records)
                    {
                        var bucket = {|#3:record.S3.Bucket.Name|};
                        await _storage.UploadAsync(bucket, "resized/" + record.S3.Object.Key, "body");
                    }
                }
            }

            public class NotifyFunction
            {
                private readonly INotifier _notifier = new Notifier();

                public Task Handle(SNSEvent evt, ILambdaContext context) => _notifier.NotifyAsync(evt.Records[0].Sns.TopicArn, "again");
            }

            public class FanOutFunction
            {
                public Task Handle(SQSEvent evt, ILambdaContext context) => FanOut.StartAsync(context.FunctionName, evt.Records.Count);
            }
            """));
        test.TestState.Sources.Add(("Services.cs", Usings + """
            public class Storage
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public Task UploadAsync(string bucketName, string key, string body) =>
                    {|#0:_s3.PutObjectAsync(new PutObjectRequest { BucketName = bucketName, Key = key, ContentBody = body })|};
            }

            public interface INotifier
            {
                Task NotifyAsync(string topic, string message);
            }

            public class Notifier : INotifier
            {
                private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();

                public async Task NotifyAsync(string topic, string message)
                {
                    var request = new PublishRequest { TopicArn = topic, Message = message };
                    await {|#1:_sns.PublishAsync(request)|};
                }
            }

            public static class FanOut
            {
                private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

                public static async Task StartAsync(string functionName, int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await {|#2:Lambda.InvokeAsync(new InvokeRequest { FunctionName = functionName, InvocationType = InvocationType.Event })|};
                    }
                }
            }
            """));
        test.ExpectedDiagnostics.Add(CrossTypeLoop(0, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)").WithLocation(3));
        test.ExpectedDiagnostics.Add(CrossTypeLoop(1, "SNS topic → this function → PublishAsync into the same topic (record.Sns.TopicArn)"));
        test.ExpectedDiagnostics.Add(CrossTypeLoop(2, "this function → InvokeAsync of the same function (context.FunctionName) → this function"));
        return test.RunAsync();
    }

    /// <summary>
    /// Silent: the service called with another bucket, a key the handler's guard stops, a resource that is not the
    /// handler's trigger (an S3 handler passing its bucket to a publish), and a handler whose source is not the written one.
    /// </summary>
    [Fact]
    public Task ResourcePassedToAServiceThatDoesNotLoop_IsSilent()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Functions.cs", Usings + """
            public class ResizeFunction
            {
                private static readonly string Output = Environment.GetEnvironmentVariable("OUTPUT_BUCKET")!;
                private readonly Storage _storage = new();

                public async Task Handle(S3Event evt, ILambdaContext context)
                {
                    foreach (var record in evt.Records)
                    {
                        var key = record.S3.Object.Key;
                        await _storage.UploadAsync(Output, key, "body");
                        if (key.StartsWith("thumbnails/")) continue;
                        await _storage.UploadAsync(record.S3.Bucket.Name, "thumbnails/" + key, "body");
                        await _storage.NotifyAsync(record.S3.Bucket.Name);
                    }
                }
            }

            public class QueueFunction
            {
                private readonly Storage _storage = new();

                public Task Handle(SQSEvent evt, ILambdaContext context) => _storage.NotifyAsync(evt.Records[0].EventSourceArn);
            }
            """));
        test.TestState.Sources.Add(("Services.cs", Usings + """
            public class Storage
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();

                public Task UploadAsync(string bucketName, string key, string body) =>
                    _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucketName, Key = key, ContentBody = body });

                public Task NotifyAsync(string topicArn) => _sns.PublishAsync(new PublishRequest { TopicArn = topicArn, Message = "done" });
            }
            """));
        return test.RunAsync();
    }

    /// <summary>
    /// Review findings: a service that writes a key the handler's guard (or its <c>[S3Event]</c> filter) stops, or that its
    /// own guard stops, or that renames the bucket it is handed, does not loop (the handler's type guards keys: its bucket is
    /// not handed on). A public helper of the handler's own type is a service too.
    /// </summary>
    [Fact]
    public Task ServicesWhoseWriteAGuardStopsOrThatRenameTheBucket_AreSilent()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Functions.cs", Usings + """
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.S3;

            public class GuardedFunction
            {
                private static readonly IAmazonS3 S3 = new AmazonS3Client();
                private readonly Thumbs _thumbs = new();

                public async Task Handle(S3Event evt, ILambdaContext context)
                {
                    foreach (var r in evt.Records)
                    {
                        if (r.S3.Object.Key.StartsWith("thumbnails/")) continue;
                        await SaveThumbnail(r.S3.Bucket.Name, r.S3.Object.Key);
                        await _thumbs.SaveAsync(r.S3.Bucket.Name, r.S3.Object.Key);
                    }
                }

                public Task SaveThumbnail(string bucket, string key) =>
                    S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "thumbnails/" + key });
            }

            public class FilteredFunctions
            {
                private readonly Thumbs _thumbs = new();

                [LambdaFunction]
                [S3Event("@Bucket", FilterPrefix = "uploads/")]
                public Task Resize(S3Event evt) => _thumbs.SaveAsync(evt.Records[0].S3.Bucket.Name, evt.Records[0].S3.Object.Key);
            }

            public class PlainFunction
            {
                private readonly GuardedThumbs _guarded = new();
                private readonly RenamingThumbs _renaming = new();

                public async Task Handle(S3Event evt, ILambdaContext context)
                {
                    await _guarded.SaveAsync(evt.Records[0].S3.Bucket.Name, evt.Records[0].S3.Object.Key);
                    await _renaming.SaveAsync(evt.Records[0].S3.Bucket.Name, evt.Records[0].S3.Object.Key);
                }
            }
            """));
        test.TestState.Sources.Add(("Thumbs.cs", Usings + """
            public class Thumbs
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public Task SaveAsync(string bucket, string key) =>
                    _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "thumbnails/" + key });
            }

            public class GuardedThumbs
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public async Task SaveAsync(string bucket, string key)
                {
                    if (key.StartsWith("thumbnails/")) return;
                    await _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "thumbnails/" + key });
                }
            }

            public class RenamingThumbs
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public Task SaveAsync(string bucket, string key)
                {
                    bucket = bucket + "-thumbnails";
                    return _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key });
                }
            }
            """));
        return test.RunAsync();
    }

    /// <summary>Helper guards and cross-type calls in incomplete code: no exception, whatever is reported.</summary>
    [Fact]
    public Task IncompleteHelpersAndServices_DoNotThrow()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            public class Function
            {
                private static readonly IAmazonS3 S3 = new AmazonS3Client();

                public async Task Handle(S3Event evt, ILambdaContext context)
                {
                    var record = evt.Records[0];
                    var key = record.S3.Object.Key;
                    if (IsThumb(key)) return;
                    if (Rules.Check(key, )) return;
                    Rules.Ensure(key);
                    Rules.Ensure2(objectKey: key);
                    await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "t/" + key })|};
                    await new Svc().Save(record.S3.Bucket.Name, );
                }

                private static bool IsThumb(string key) => key.StartsWith(;
            }

            public static class Rules
            {
                public static bool Check(string key, string other) => key.EndsWith(other) && ;
                public static void Ensure(string key) { if (!key.StartsWith()) throw; }
                public static void Ensure2(string key) { if (key.EndsWith(".x")) throw new }
            }

            public class Svc
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Save(string bucket, string key) => _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, });
            }
            """);
        test.ExpectedDiagnostics.Add(Loop(0, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"));
        return test.RunAsync();
    }

    /// <summary>A validator that only runs on some paths (under an <c>if</c>) does not stop the loop.</summary>
    [Fact]
    public Task ConditionalValidator_StillReports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                if (Environment.GetEnvironmentVariable("STRICT") == "1") KeyRules.EnsureJpeg(record.S3.Object.Key);
                await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = record.S3.Object.Key + ".webp" })|};
            }
        }

        public static class KeyRules
        {
            public static void EnsureJpeg(string key)
            {
                if (!key.EndsWith(".jpg")) throw new ArgumentException("not a JPEG");
            }
        }
        """,
        Loop(0, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"));

    // ---- the S3 key guard ----

    [Fact]
    public Task PrefixGuard_WrittenKeyCarriesTheSkippedPrefix_IsSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    var key = Uri.UnescapeDataString(record.S3.Object.Key);
                    if (key.StartsWith("thumbnails/"))
                    {
                        continue;
                    }

                    var name = key.Split('/').Last();
                    await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "thumbnails/" + name });
                    await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = $"thumbnails/{name}.png" });
                }
            }
        }
        """);

    [Fact]
    public Task NegatedPrefixAndSuffixGuards_AreSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                if (!record.S3.Object.Key.StartsWith("uploads/"))
                {
                    return;
                }

                await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "processed/" + record.S3.Object.Key });
            }
        }

        public class SuffixFunction
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                if (record.S3.Object.Key.EndsWith(".json")) return;
                await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = $"{record.S3.Object.Key}.json" });
            }
        }
        """);

    [Fact]
    public Task GuardTheWrittenKeyDoesNotPass_StillReports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                if (record.S3.Object.Key.StartsWith("thumbnails/"))
                {
                    return;
                }

                await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "resized/" + record.S3.Object.Key })|};
                if (!record.S3.Object.Key.StartsWith("up"))
                {
                    return;
                }

                await {|#1:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "uploads-copy/" + record.S3.Object.Key })|};
            }
        }
        """,
        Loop(0, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"),
        Loop(1, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"));

    /// <summary>The guard may leave the record by <c>break</c>ing out of the records' loop or by throwing.</summary>
    [Fact]
    public Task BreakAndThrowGuards_AreSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    var key = record.S3.Object.Key;
                    if (key.StartsWith("thumbnails/"))
                        break;

                    await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "thumbnails/" + key });
                }
            }
        }

        public class ThrowingFunction
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                if (record.S3.Object.Key.EndsWith(".gz"))
                {
                    throw new InvalidOperationException("already compressed");
                }

                await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = record.S3.Object.Key + ".gz" });
            }
        }
        """);

    /// <summary>A <c>break</c> that only leaves a <c>switch</c> inside the loop does not stop the write after it.</summary>
    [Fact]
    public Task BreakOutOfASwitchOnly_StillReports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    var key = record.S3.Object.Key;
                    switch (record.EventName)
                    {
                        default:
                            if (key.StartsWith("thumbnails/"))
                                break;
                            break;
                    }

                    await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "thumbnails/" + key })|};
                }
            }
        }
        """,
        Loop(0, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"));

    /// <summary>
    /// Guards that do not leave the record: a <c>throw</c> caught in the loop, a <c>break</c> out of an inner retry loop, and
    /// an extension test that can never be true (<c>".tar.gz"</c>).
    /// </summary>
    [Fact]
    public Task GuardsThatDoNotLeaveTheRecord_StillReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    var key = record.S3.Object.Key;
                    try
                    {
                        if (key.StartsWith("out/")) throw new InvalidOperationException("ours");
                    }
                    catch (InvalidOperationException)
                    {
                    }

                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        if (key.EndsWith(".png")) break;
                    }

                    if (System.IO.Path.GetExtension(key) == ".tar.gz") continue;

                    await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "out/" + key })|};
                    await {|#1:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = key + ".png" })|};
                    await {|#2:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = key + ".tar.gz" })|};
                }
            }
        }
        """,
        Loop(0, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"),
        Loop(1, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"),
        Loop(2, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"));

    /// <summary>
    /// Extension tests: <c>Path.GetExtension(key) == ".txt"</c> is a suffix guard, <c>!=</c> its negation, and
    /// <c>Path.ChangeExtension(key, ".txt")</c> writes a key ending with <c>.txt</c>.
    /// </summary>
    [Fact]
    public Task ExtensionGuards_AreSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    var key = record.S3.Object.Key;
                    if (System.IO.Path.GetExtension(key) == ".txt")
                    {
                        continue;
                    }

                    await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = System.IO.Path.ChangeExtension(key, ".txt") });
                }
            }
        }

        public class PdfOnlyFunction
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                if (!record.S3.Object.Key.EndsWith(".pdf")) return;
                if (".pdf" != System.IO.Path.GetExtension(record.S3.Object.Key)) return;

                await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = System.IO.Path.ChangeExtension(record.S3.Object.Key, "txt") });
            }
        }
        """);

    /// <summary>
    /// A guard in a method the handler calls: a predicate of this type or another (<c>if (IsThumbnail(key)) continue;</c>,
    /// negated, over a <c>const</c> or an extension) and a validator of another type, in another file, that throws on
    /// the key (issue 16).
    /// </summary>
    [Fact]
    public Task GuardsInHelperMethods_AreSilent()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Function.cs", Usings + """
            public class Function
            {
                private const string TextExtension = ".txt";
                private static readonly IAmazonS3 S3 = new AmazonS3Client();
                private readonly KeyRules _rules = new();

                public async Task Handle(S3Event evt, ILambdaContext context)
                {
                    foreach (var record in evt.Records)
                    {
                        var key = record.S3.Object.Key;
                        if (IsThumbnail(key)) continue;
                        if (!KeyRules.IsUpload(key)) continue;
                        await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "thumbnails/" + key });

                        if ((IsText(key))) break;
                        await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = System.IO.Path.ChangeExtension(key, TextExtension) });
                    }
                }

                private static bool IsThumbnail(string key) => key.StartsWith("thumbnails/");

                private static bool IsText(string name)
                {
                    return System.IO.Path.GetExtension(name) == TextExtension;
                }
            }

            public class ValidatedFunction
            {
                private static readonly IAmazonS3 S3 = new AmazonS3Client();
                private readonly KeyRules _rules = new();

                public async Task Handle(S3Event evt, ILambdaContext context)
                {
                    var record = evt.Records[0];
                    _rules.EnsureImage(record.S3.Object.Key);
                    await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = record.S3.Object.Key + ".webp" });
                }
            }
            """));
        test.TestState.Sources.Add(("KeyRules.cs", """
            using System;

            public class KeyRules
            {
                private const string Uploads = "uploads/";

                public static bool IsUpload(string key) => (key.StartsWith(Uploads, StringComparison.Ordinal));

                public void EnsureImage(string objectKey)
                {
                    if (string.IsNullOrEmpty(objectKey)) throw new ArgumentNullException(nameof(objectKey));
                    if (!objectKey.EndsWith(".jpg") && !objectKey.EndsWith(".png"))
                    {
                        Console.WriteLine("skipping");
                        throw new ArgumentException("not an image", nameof(objectKey));
                    }

                    if (!(objectKey.EndsWith(".jpg")))
                    {
                        throw new ArgumentException("not a JPEG", nameof(objectKey));
                    }
                }
            }
            """));
        return test.RunAsync();
    }

    /// <summary>
    /// Look-alikes: a predicate that does not cover the written key, a validator whose exception is caught, one called after
    /// the write, one that returns before its test, and a predicate that does more than one test.
    /// </summary>
    [Fact]
    public Task HelperGuardsThatDoNotStopTheLoop_StillReport()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Function.cs", Usings + """
            public class Function
            {
                private static readonly IAmazonS3 S3 = new AmazonS3Client();

                public async Task Handle(S3Event evt, ILambdaContext context)
                {
                    var record = evt.Records[0];
                    var key = record.S3.Object.Key;
                    if (IsPreview(key)) return;
                    await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "preview/" + key })|};

                    try
                    {
                        KeyRules.EnsureJpeg(key);
                    }
                    catch (ArgumentException)
                    {
                    }

                    await {|#1:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = key + ".webp" })|};
                    await {|#2:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = key + ".gif" })|};
                    KeyRules.EnsureGif(key);
                    KeyRules.EnsurePdfUnlessEmpty(key);
                    if (IsThumbnailOrEmpty(key)) return;
                    await {|#3:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "thumbnails/" + key + ".txt" })|};
                }

                private static bool IsPreview(string key) => key.StartsWith("previews/");

                private static bool IsThumbnailOrEmpty(string key)
                {
                    var empty = key.Length == 0;
                    return empty || key.StartsWith("thumbnails/");
                }
            }
            """));
        test.TestState.Sources.Add(("KeyRules.cs", """
            using System;

            public static class KeyRules
            {
                public static void EnsureJpeg(string key)
                {
                    if (!key.EndsWith(".jpg")) throw new ArgumentException("not a JPEG");
                }

                public static void EnsureGif(string key)
                {
                    if (key.EndsWith(".gif")) throw new ArgumentException("already a GIF");
                }

                public static void EnsurePdfUnlessEmpty(string key)
                {
                    if (key.Length == 0) { return; }
                    if (!key.EndsWith(".pdf")) throw new ArgumentException("not a PDF");
                }
            }
            """));
        const string Loop201 = "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)";
        test.ExpectedDiagnostics.AddRange(new[] { Loop(0, Loop201), Loop(1, Loop201), Loop(2, Loop201), Loop(3, Loop201) });
        return test.RunAsync();
    }

    /// <summary>
    /// Lambda Annotations' <c>[S3Event]</c> filters: S3 invokes the handler only for keys they match, so a written key that
    /// fails the prefix or the suffix of every trigger does not loop (issue 16).
    /// </summary>
    [Fact]
    public Task S3EventAttributeFiltersTheWrittenKeyFails_AreSilent() => VerifyAsync("""
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Annotations.S3;

        public class Functions
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            [LambdaFunction]
            [S3Event("@UploadsBucket", FilterPrefix = "uploads/", FilterSuffix = ".jpg")]
            public async Task Resize(S3Event evt)
            {
                var record = evt.Records[0];
                await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "resized/" + record.S3.Object.Key });
                await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = $"uploads/{record.S3.Object.Key}.png" });
            }
        }
        """);

    /// <summary>
    /// Still a loop: the written key may match the filters, or another handler of the type takes S3 events without the
    /// attribute (its trigger, set elsewhere, may have no filter).
    /// </summary>
    [Fact]
    public Task S3EventAttributeFiltersTheWrittenKeyMayMatch_StillReport() => VerifyAsync("""
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Annotations.S3;

        public class Functions
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            [LambdaFunction]
            [S3Event("@UploadsBucket", FilterPrefix = "uploads/")]
            public async Task Copy(S3Event evt)
            {
                var record = evt.Records[0];
                await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "uploads/copies/" + record.S3.Object.Key })|};
                await {|#1:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = record.S3.Object.Key + ".bak" })|};
            }
        }

        public class MixedFunctions
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            [LambdaFunction]
            [S3Event("@UploadsBucket", FilterPrefix = "uploads/")]
            public Task Annotated(S3Event evt) => Write(evt);

            public Task Handle(S3Event evt, ILambdaContext context) => Write(evt);

            private static async Task Write(S3Event evt)
            {
                var record = evt.Records[0];
                await {|#2:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = "processed/" + record.S3.Object.Key })|};
            }
        }
        """,
        Loop(0, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"),
        Loop(1, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"),
        Loop(2, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"));

    /// <summary>An extension guard the written key passes (the same extension written back) is still a loop.</summary>
    [Fact]
    public Task ExtensionGuardTheWrittenKeyPasses_StillReports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                var key = record.S3.Object.Key;
                if (System.IO.Path.GetExtension(key) != ".png") return;
                await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = System.IO.Path.ChangeExtension(key, ".png") })|};
            }
        }

        public class CsvFunction
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                var key = record.S3.Object.Key;
                if (System.IO.Path.GetExtension(key) == ".txt") return;
                await {|#1:S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name, Key = System.IO.Path.ChangeExtension(key, ".csv") })|};
            }
        }
        """,
        Loop(0, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"),
        Loop(1, "S3 bucket → this function → PutObjectAsync into the same bucket (record.S3.Bucket.Name)"));

    // ---- other ----

    [Fact]
    public Task NonLambdaProject_IsSilent() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;

        public class Copier
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public Task Run(string bucket) => _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "x" });
        }
        """, Stubs.None);

    [Fact]
    public Task BrokenCode_DoesNotThrow() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();
            private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                await S3.PutObjectAsync(new PutObjectRequest { BucketName = missing, Key = "x" });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = context.Nope });
                await S3.PutObjectAsync(new PutObjectRequest { BucketName = "archive", Key = );
                await S3.PutObjectAsync(new PutObjectRequest { BucketName = evt.Records[0].S3.Bucket.Nam, Key = "k" });
                foreach (var record in records)
                {
                    await S3.PutObjectAsync(new PutObjectRequest { BucketName = record.S3.Bucket.Name });
                }
            }
        }
        """,
        DiagnosticResult.CompilerError("CS0103").WithSpan(28, 69, 28, 76),
        DiagnosticResult.CompilerError("CS1061").WithSpan(29, 77, 29, 81),
        DiagnosticResult.CompilerError("CS1513").WithSpan(30, 86, 30, 87),
        DiagnosticResult.CompilerError("CS1525").WithSpan(30, 86, 30, 87),
        DiagnosticResult.CompilerError("CS1061").WithSpan(31, 94, 31, 97),
        DiagnosticResult.CompilerError("CS0103").WithSpan(32, 32, 32, 39));
}
