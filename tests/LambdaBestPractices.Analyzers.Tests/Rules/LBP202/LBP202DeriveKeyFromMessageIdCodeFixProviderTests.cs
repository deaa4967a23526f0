using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LambdaBestPractices.Analyzers.Rules.LBP202MakeWritesIdempotentRule,
    LambdaBestPractices.Analyzers.CodeFixes.LBP202DeriveKeyFromMessageIdCodeFixProvider>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP202DeriveKeyFromMessageIdCodeFixProviderTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.DynamoDBEvents;
        using Amazon.Lambda.KinesisEvents;
        using Amazon.Lambda.SNSEvents;
        using Amazon.Lambda.SQSEvents;
        using Amazon.S3;
        using Amazon.S3.Model;

        """;

    private static Task VerifyFixAsync(string source, string fixedSource) =>
        Verify.VerifyCodeFixAsync(Usings + source, Usings + fixedSource, LBP202DeriveKeyFromMessageIdCodeFixProvider.DeriveKeyFromMessageIdKey);

    private static Task VerifyNoFixAsync(string source) => Verify.VerifyNoCodeFixAsync(Usings + source);

    /// <summary>
    /// A fresh key passed to a service method, even in the same file: the write is decided at compilation end, and hosts
    /// offer no fix for those (the fix would have to edit the caller, another member).
    /// </summary>
    [Fact]
    public async Task FreshKeyPassedToAService_GetsNoFix()
    {
        const string Source = Usings + """
            public class Function
            {
                private readonly IResults _results = new Results();

                public async Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    foreach (var record in evt.Records)
                    {
                        await _results.RecordAsync(Guid.NewGuid().ToString());
                    }
                }
            }

            public interface IResults
            {
                Task RecordAsync(string key);
            }

            public sealed class Results : IResults
            {
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();

                public Task RecordAsync(string key) =>
                    {|#0:_db.PutItemAsync("results", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue("result#" + key) })|};
            }
            """;
        // The testing library refuses any fix check on a non-local diagnostic; with that check off, the code must stay as it is.
        var test = new Verify.Test { TestCode = Source, FixedCode = Source, CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP202_MakeWritesIdempotent_CrossType).WithLocation(0)
            .WithArguments("A redelivered SQS message writes a second item: the key attribute 'pk' comes from Guid.NewGuid()")
            .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));
        await test.RunAsync();
    }

    /// <summary>A fresh execution name or FIFO deduplication ID gets the same fix (issue 16).</summary>
    [Fact]
    public Task FreshExecutionNameAndDeduplicationId_BecomeTheMessageId() => VerifyFixAsync("""
        public class Function
        {
            private static readonly Amazon.StepFunctions.IAmazonStepFunctions Sfn = new Amazon.StepFunctions.AmazonStepFunctionsClient();
            private static readonly Amazon.SQS.IAmazonSQS Sqs = new Amazon.SQS.AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await {|LBP202:Sfn.StartExecutionAsync(new Amazon.StepFunctions.Model.StartExecutionRequest { StateMachineArn = "arn", Name = Guid.NewGuid().ToString(), Input = record.Body })|};
                    await {|LBP202:Sqs.SendMessageAsync(new Amazon.SQS.Model.SendMessageRequest { QueueUrl = "q.fifo", MessageBody = record.Body, MessageDeduplicationId = $"order-{Guid.NewGuid():N}" })|};
                }
            }
        }
        """, """
        public class Function
        {
            private static readonly Amazon.StepFunctions.IAmazonStepFunctions Sfn = new Amazon.StepFunctions.AmazonStepFunctionsClient();
            private static readonly Amazon.SQS.IAmazonSQS Sqs = new Amazon.SQS.AmazonSQSClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await Sfn.StartExecutionAsync(new Amazon.StepFunctions.Model.StartExecutionRequest { StateMachineArn = "arn", Name = record.MessageId, Input = record.Body });
                    await Sqs.SendMessageAsync(new Amazon.SQS.Model.SendMessageRequest { QueueUrl = "q.fifo", MessageBody = record.Body, MessageDeduplicationId = $"order-{record.MessageId}" });
                }
            }
        }
        """);

    /// <summary>A missing execution name gets no fix: which field of the message names the execution is the user's choice.</summary>
    [Fact]
    public Task MissingExecutionName_GetsNoFix() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly Amazon.StepFunctions.IAmazonStepFunctions Sfn = new Amazon.StepFunctions.AmazonStepFunctionsClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await {|LBP202:Sfn.StartExecutionAsync(new Amazon.StepFunctions.Model.StartExecutionRequest { StateMachineArn = "arn", Input = record.Body })|};
                }
            }
        }
        """);

    [Fact]
    public Task GuidToString_BecomesTheMessageId_KeepingComments() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    // one order per message
                    var id = /* new id */ Guid.NewGuid().ToString("N"); // the key
                    await [|Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(id), ["body"] = new AttributeValue(record.Body) })|];
                }
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    // one order per message
                    var id = /* new id */ record.MessageId; // the key
                    await Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(id), ["body"] = new AttributeValue(record.Body) });
                }
            }
        }
        """);

    [Fact]
    public Task InterpolationHole_BecomesTheMessageId() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(SNSEvent evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                await [|S3.PutObjectAsync(new PutObjectRequest { BucketName = "archive", Key = $"messages/{Guid.NewGuid()}.json", ContentBody = record.Sns.Message })|];
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(SNSEvent evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                await S3.PutObjectAsync(new PutObjectRequest { BucketName = "archive", Key = $"messages/{record.Sns.MessageId}.json", ContentBody = record.Sns.Message });
            }
        }
        """);

    [Fact]
    public Task Concatenation_BecomesTheEventId() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(DynamoDBEvent evt, ILambdaContext context)
            {
                foreach (var change in evt.Records)
                {
                    await [|Db.PutItemAsync("audit", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue("audit#" + Guid.NewGuid()) })|];
                }
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(DynamoDBEvent evt, ILambdaContext context)
            {
                foreach (var change in evt.Records)
                {
                    await Db.PutItemAsync("audit", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue("audit#" + change.EventID) });
                }
            }
        }
        """);

    [Fact]
    public Task KinesisRecord_UsesEventId() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(KinesisEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await [|Db.PutItemAsync("events", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = (Guid.NewGuid()).ToString() } })|];
                }
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(KinesisEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await Db.PutItemAsync("events", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = record.EventId } });
                }
            }
        }
        """);

    [Fact]
    public Task FixAll_ReplacesEveryFreshKeyInTheDocument() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var message in evt.Records)
                {
                    await [|Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) })|];
                    await [|Db.PutItemAsync("audit", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue($"audit#{Guid.NewGuid()}") })|];
                }
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var message in evt.Records)
                {
                    await Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(message.MessageId) });
                    await Db.PutItemAsync("audit", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue($"audit#{message.MessageId}") });
                }
            }
        }
        """);

    [Fact]
    public Task NoRecordInScope_NoFix() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await [|Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) })|];
            }
        }
        """);

    [Fact]
    public Task TwoRecordsInScope_NoFix() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var first = evt.Records[0];
                var last = evt.Records[evt.Records.Count - 1];
                await [|Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) })|];
            }
        }
        """);

    [Fact]
    public Task RecordDeclaredAfterTheFreshValue_NoFix() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var id = Guid.NewGuid().ToString();
                var record = evt.Records[0];
                await [|Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(id), ["body"] = new AttributeValue(record.Body) })|];
            }
        }
        """);

    [Fact]
    public Task FreshValueKeptAsAGuid_NoFix() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    Guid id = Guid.NewGuid();
                    await [|Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(id.ToString()) })|];
                }
            }
        }
        """);

    [Fact]
    public Task Increment_NoFix() => VerifyNoFixAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await [|Db.UpdateItemAsync(new UpdateItemRequest { TableName = "counters", Key = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(record.Body) }, UpdateExpression = "ADD #count :one" })|];
                }
            }
        }
        """);
}
