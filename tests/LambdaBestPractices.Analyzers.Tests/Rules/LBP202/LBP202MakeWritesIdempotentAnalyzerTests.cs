using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP202MakeWritesIdempotentRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP202MakeWritesIdempotentAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.DynamoDBv2.DocumentModel;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.ApplicationLoadBalancerEvents;
        using Amazon.Lambda.CloudWatchEvents;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.DynamoDBEvents;
        using Amazon.Lambda.KinesisEvents;
        using Amazon.Lambda.S3Events;
        using Amazon.Lambda.SNSEvents;
        using Amazon.Lambda.SQSEvents;
        using Amazon.S3;
        using Amazon.S3.Model;
        using AWS.Lambda.Powertools.Idempotency;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult Write(int location, string message) =>
        Verify.Diagnostic(Descriptors.LBP202_MakeWritesIdempotent).WithLocation(location).WithArguments(message).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult CrossTypeWrite(int location, string message) =>
        Verify.Diagnostic(Descriptors.LBP202_MakeWritesIdempotent_CrossType).WithLocation(location).WithArguments(message).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private const string SqsItem = "A redelivered SQS message writes a second item: the key attribute 'pk' comes from Guid.NewGuid()";

    /// <summary>An SQS handler putting <paramref name="item"/> (an item initializer) with PutItemAsync.</summary>
    private static string PutItemHandler(string item, string extra = "", string eventType = "SQSEvent") => $$"""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle({{eventType}} evt, ILambdaContext context)
            {
                await {|#0:Db.PutItemAsync(new PutItemRequest { TableName = "orders", Item = {{item}}{{extra}} })|};
            }
        }
        """;

    // ---- forwards whose target takes an idempotency key (issue 16) ----

    /// <summary>
    /// Step Functions <c>StartExecution</c> with no <c>Name</c> (or a fresh one); an SQS send or SNS publish with a fresh
    /// <c>MessageDeduplicationId</c>, or to a <c>.fifo</c> queue or topic with none and a body that carries a fresh value
    /// (content-based deduplication cannot match it).
    /// </summary>
    [Fact]
    public Task ForwardsThatDoNotUseTheirIdempotencyKey_Report() => VerifyAsync("""
        using Amazon.SimpleNotificationService;
        using Amazon.SimpleNotificationService.Model;
        using Amazon.SQS;
        using Amazon.SQS.Model;
        using Amazon.StepFunctions;
        using Amazon.StepFunctions.Model;

        public class Function
        {
            private const string OrdersFifo = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo";
            private static readonly IAmazonStepFunctions Sfn = new AmazonStepFunctionsClient();
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();
            private static readonly IAmazonSimpleNotificationService Sns = new AmazonSimpleNotificationServiceClient();
            private static readonly string QueueUrl = Environment.GetEnvironmentVariable("QUEUE_URL")!;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await {|#0:Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = Environment.GetEnvironmentVariable("STATE_MACHINE_ARN"), Input = record.Body })|};
                    var request = new StartExecutionRequest { StateMachineArn = Environment.GetEnvironmentVariable("STATE_MACHINE_ARN"), Input = record.Body };
                    request.Name = Guid.NewGuid().ToString();
                    await {|#1:Sfn.StartExecutionAsync(request)|};

                    await {|#2:Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = OrdersFifo, MessageBody = $"{record.Body}|{DateTime.UtcNow:O}", MessageGroupId = "orders" })|};
                    await {|#3:Sqs.SendMessageAsync(OrdersFifo, record.Body + Guid.NewGuid())|};
                    await {|#4:Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = QueueUrl, MessageBody = record.Body, MessageDeduplicationId = $"{Guid.NewGuid()}" })|};
                    await {|#5:Sns.PublishAsync(new PublishRequest { TopicArn = "arn:aws:sns:eu-west-1:123456789012:orders.fifo", Message = Guid.NewGuid().ToString(), MessageGroupId = record.Attributes["MessageGroupId"] })|};
                }
            }
        }
        """,
        Write(0, "A redelivered SQS message starts a second execution: the StartExecution request has no Name (an execution name derived from the message makes a redelivery a no-op)"),
        Write(1, "A redelivered SQS message starts a second execution: the execution name comes from Guid.NewGuid()"),
        Write(2, "A redelivered SQS message sends a second message: the FIFO queue gets no MessageDeduplicationId, so it deduplicates by content, and the body carries DateTime.UtcNow (set a MessageDeduplicationId derived from the message)"),
        Write(3, "A redelivered SQS message sends a second message: the FIFO queue gets no MessageDeduplicationId, so it deduplicates by content, and the body carries Guid.NewGuid() (set a MessageDeduplicationId derived from the message)"),
        Write(4, "A redelivered SQS message sends a second message: the MessageDeduplicationId comes from Guid.NewGuid()"),
        Write(5, "A redelivered SQS message publishes a second message: the FIFO topic gets no MessageDeduplicationId, so it deduplicates by content, and the body carries Guid.NewGuid() (set a MessageDeduplicationId derived from the message)"));

    /// <summary>
    /// Silent: a name or deduplication ID derived from the message, standard queues and topics (no key to use, even with a
    /// <c>MessageGroupId</c>: fair queues), a FIFO target deduplicating an unchanged body by content, a request built
    /// elsewhere or handed to a helper, and handlers whose source does not redeliver (API Gateway).
    /// </summary>
    [Fact]
    public Task ForwardsThatUseTheirKeyOrHaveNone_AreSilent() => VerifyAsync("""
        using Amazon.SimpleNotificationService;
        using Amazon.SimpleNotificationService.Model;
        using Amazon.SQS;
        using Amazon.SQS.Model;
        using Amazon.StepFunctions;
        using Amazon.StepFunctions.Model;

        public class Function
        {
            private static readonly IAmazonStepFunctions Sfn = new AmazonStepFunctionsClient();
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient();
            private static readonly IAmazonSimpleNotificationService Sns = new AmazonSimpleNotificationServiceClient();
            private static readonly string QueueUrl = Environment.GetEnvironmentVariable("QUEUE_URL")!;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = "arn", Name = record.MessageId, Input = record.Body });
                    await Sfn.StartExecutionAsync(Build(record));
                    await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = QueueUrl, MessageBody = record.Body });
                    await Sqs.SendMessageAsync(QueueUrl, record.Body);
                    await Sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/orders", record.Body);
                    await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = QueueUrl, MessageBody = record.Body, MessageGroupId = "orders", MessageDeduplicationId = record.MessageId });
                    // A fair (standard) queue takes a MessageGroupId too; a FIFO queue with no ID deduplicates an unchanged body.
                    await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = QueueUrl, MessageBody = record.Body + Guid.NewGuid(), MessageGroupId = "tenant" });
                    await Sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo", record.Body);
                    // A request handed to a helper may get its name there.
                    var start = new StartExecutionRequest { StateMachineArn = "arn", Input = record.Body };
                    NameFrom(start, record);
                    await Sfn.StartExecutionAsync(start);
                    await Sns.PublishAsync(new PublishRequest { TopicArn = "arn:aws:sns:eu-west-1:123456789012:orders", Message = record.Body });
                    await Sns.PublishAsync(new PublishRequest { TopicArn = "arn:aws:sns:eu-west-1:123456789012:orders.fifo", Message = record.Body, MessageGroupId = "o", MessageDeduplicationId = "order-" + record.MessageId });
                }
            }

            private static StartExecutionRequest Build(SQSEvent.SQSMessage record) => new() { StateMachineArn = "arn", Input = record.Body };

            private static void NameFrom(StartExecutionRequest request, SQSEvent.SQSMessage record) => request.Name = record.MessageId;
        }

        public class ApiFunction
        {
            private static readonly IAmazonStepFunctions Sfn = new AmazonStepFunctionsClient();

            public async Task<APIGatewayProxyResponse> Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                await Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = "arn", Input = request.Body });
                return new APIGatewayProxyResponse { StatusCode = 202 };
            }
        }
        """);

    // ---- the related location ----

    [Fact]
    public Task RelatedLocation_PointsAtTheFreshValue() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var id = {|#1:Guid.NewGuid()|}.ToString();
                await {|#0:Db.PutItemAsync(new PutItemRequest { TableName = "orders", Item = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(id) } })|};
            }
        }
        """,
        Verify.Diagnostic(Descriptors.LBP202_MakeWritesIdempotent).WithLocation(0).WithLocation(1).WithArguments(SqsItem));

    [Fact]
    public Task RelatedLocation_PointsAtTheUpdateExpression() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await {|#0:Db.UpdateItemAsync(new UpdateItemRequest
                    {
                        TableName = "counters",
                        Key = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(record.Body) },
                        UpdateExpression = {|#1:"ADD #count :one"|},
                    })|};
                }
            }
        }
        """,
        Verify.Diagnostic(Descriptors.LBP202_MakeWritesIdempotent).WithLocation(0).WithLocation(1)
            .WithArguments("A redelivered SQS message counts twice: the update expression's ADD clause adds to the stored value without a ConditionExpression"));

    // ---- fresh-value sources ----

    [Theory]
    [InlineData("Guid.NewGuid().ToString()", "Guid.NewGuid()")]
    [InlineData("Guid.NewGuid().ToString(\"N\")", "Guid.NewGuid()")]
    [InlineData("DateTime.Now.ToString(\"o\")", "DateTime.Now")]
    [InlineData("DateTime.UtcNow.Ticks.ToString()", "DateTime.UtcNow")]
    [InlineData("DateTimeOffset.Now.ToUnixTimeMilliseconds().ToString()", "DateTimeOffset.Now")]
    [InlineData("DateTimeOffset.UtcNow.ToString()", "DateTimeOffset.UtcNow")]
    [InlineData("new Random().Next().ToString()", "Random.Next()")]
    [InlineData("Random.Shared.Next(1000).ToString()", "Random.Next()")]
    [InlineData("Environment.TickCount.ToString()", "Environment.TickCount")]
    [InlineData("Environment.TickCount64.ToString()", "Environment.TickCount64")]
    [InlineData("Stopwatch.GetTimestamp().ToString()", "Stopwatch.GetTimestamp()")]
    [InlineData("System.Security.Cryptography.RandomNumberGenerator.GetInt32(1000).ToString()", "RandomNumberGenerator.GetInt32()")]
    public Task FreshValueSources_Report(string value, string detail) => VerifyAsync(
        PutItemHandler($$"""new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue { S = {{value}} } }"""),
        Write(0, $"A redelivered SQS message writes a second item: the key attribute 'pk' comes from {detail}"));

    [Fact]
    public Task StopwatchElapsed_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var watch = Stopwatch.StartNew();
                await {|#0:Db.PutItemAsync("runs", new Dictionary<string, AttributeValue> { ["runId"] = new AttributeValue { N = watch.ElapsedTicks.ToString() } })|};
            }
        }
        """,
        Write(0, "A redelivered SQS message writes a second item: the key attribute 'runId' comes from Stopwatch.ElapsedTicks"));

    // ---- flow: locals, string building, the item dictionary ----

    [Theory]
    [InlineData("$\"order#{Guid.NewGuid()}\"")]
    [InlineData("\"order#\" + Guid.NewGuid()")]
    [InlineData("Guid.NewGuid() + \"#order\"")]
    [InlineData("$\"{evt.Records[0].MessageId}-{Guid.NewGuid():N}\"")]
    [InlineData("string.Concat(\"order#\", Guid.NewGuid().ToString())")]
    [InlineData("string.Format(\"order#{0}\", Guid.NewGuid())")]
    [InlineData("Guid.NewGuid().ToString().Substring(0, 8)")]
    public Task StringBuilding_AnyFreshPartMakesTheKeyFresh(string value) => VerifyAsync(
        PutItemHandler($$"""new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue({{value}}) }"""),
        Write(0, SqsItem));

    [Fact]
    public Task FreshValueThroughLocalsAndAttributeValueLocal_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var guid = Guid.NewGuid();
                var key = $"order#{guid}";
                var pk = new AttributeValue { S = key };
                var item = new Dictionary<string, AttributeValue> { { "pk", pk }, { "body", new AttributeValue(evt.Records[0].Body) } };
                var request = new PutItemRequest { TableName = "orders", Item = item };
                await {|#0:Db.PutItemAsync(request)|};
            }
        }
        """,
        Write(0, SqsItem));

    [Fact]
    public Task ItemFilledByIndexerAssignments_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var item = new Dictionary<string, AttributeValue>();
                item["pk"] = new AttributeValue(Guid.NewGuid().ToString());
                item["body"] = new AttributeValue(evt.Records[0].Body);
                await {|#0:Db.PutItemAsync("orders", item)|};
            }
        }
        """,
        Write(0, SqsItem));

    [Fact]
    public Task ItemCollectionInitializerOnTheRequestProperty_Reports() => VerifyAsync(
        PutItemHandler("""{ ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) }"""),
        Write(0, SqsItem));

    [Fact]
    public Task RequestPropertySetAfterCreation_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var request = new PutItemRequest { TableName = "orders" };
                request.Item = new Dictionary<string, AttributeValue> { ["OrderId"] = new AttributeValue(Guid.NewGuid().ToString()) };
                await {|#0:Db.PutItemAsync(request)|};
            }
        }
        """,
        Write(0, "A redelivered SQS message writes a second item: the key attribute 'OrderId' comes from Guid.NewGuid()"));

    [Fact]
    public Task FreshValuePassedToPrivateHelper_ReportsInTheHelper() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await SaveAsync(Guid.NewGuid().ToString(), record.Body);
                }
            }

            private static Task SaveAsync(string id, string body) =>
                {|#0:Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(id), ["body"] = new AttributeValue(body) })|};
        }
        """,
        Write(0, SqsItem));

    // ---- each write API ----

    [Fact]
    public Task UpdateItemWithFreshKey_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await {|#0:Db.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = "orders",
                    Key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(Guid.NewGuid().ToString()) },
                    UpdateExpression = "SET body = :b",
                })|};
            }
        }
        """,
        Write(0, "A redelivered SQS message writes a second item: the key attribute 'id' comes from Guid.NewGuid()"));

    [Fact]
    public Task TransactWriteItemsWithFreshKey_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SNSEvent evt, ILambdaContext context)
            {
                await {|#0:Db.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems = new List<TransactWriteItem>
                    {
                        new TransactWriteItem { Put = new Put { TableName = "orders", Item = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) } } },
                    },
                })|};
            }
        }
        """,
        Write(0, "A redelivered SNS message writes a second item: the key attribute 'pk' comes from Guid.NewGuid()"));

    [Fact]
    public Task BatchWriteItemWithFreshKey_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(KinesisEvent evt, ILambdaContext context)
            {
                var put = new PutRequest { Item = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) } };
                await {|#0:Db.BatchWriteItemAsync(new BatchWriteItemRequest
                {
                    RequestItems = new Dictionary<string, List<WriteRequest>> { ["orders"] = new List<WriteRequest> { new WriteRequest { PutRequest = put } } },
                })|};
            }
        }
        """,
        Write(0, "A redelivered Kinesis record writes a second item: the key attribute 'pk' comes from Guid.NewGuid()"));

    [Fact]
    public Task TablePutItemWithFreshKey_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();
            private static readonly ITable Orders = Table.LoadTable(Db, "orders");

            public async Task Handle(DynamoDBEvent evt, ILambdaContext context)
            {
                var document = new Document { ["pk"] = Guid.NewGuid().ToString(), ["createdAt"] = DateTime.UtcNow.ToString("o") };
                await {|#0:Orders.PutItemAsync(document)|};
            }
        }
        """,
        Write(0, "A redelivered DynamoDB stream record writes a second item: the key attribute 'pk' comes from Guid.NewGuid()"));

    [Fact]
    public Task DynamoDBContextSaveWithFreshHashKey_Reports() => VerifyAsync("""
        [DynamoDBTable("orders")]
        public class Order
        {
            [DynamoDBHashKey]
            public string Id { get; set; } = "";

            public string Body { get; set; } = "";
        }

        public class Function
        {
            private static readonly IDynamoDBContext Context = new DynamoDBContextBuilder().Build();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var order = new Order { Body = evt.Records[0].Body };
                order.Id = Guid.NewGuid().ToString();
                await {|#0:Context.SaveAsync(order)|};
            }
        }
        """,
        Write(0, "A redelivered SQS message writes a second item: the hash key 'Id' comes from Guid.NewGuid()"));

    [Fact]
    public Task S3PutObjectWithFreshKey_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                await {|#0:S3.PutObjectAsync(new PutObjectRequest { BucketName = "archive", Key = $"reports/{DateTime.UtcNow:yyyyMMddHHmmssfff}.json", ContentBody = "{}" })|};
            }
        }
        """,
        Write(0, "A redelivered S3 event notification writes a second object: the object key comes from DateTime.UtcNow"));

    // ---- increments ----

    [Theory]
    [InlineData("ADD #count :one", "counts twice: the update expression's ADD clause adds to the stored value")]
    [InlineData("set total = total + :amount", "counts twice: the update expression increments an attribute from its stored value (SET a = a + :v)")]
    [InlineData("SET #balance = #balance - :amount, updatedAt = :now", "counts twice: the update expression increments an attribute from its stored value (SET a = a + :v)")]
    [InlineData("SET hits = if_not_exists(hits, :zero) + :one", "counts twice: the update expression increments an attribute from its stored value (SET a = a + :v)")]
    [InlineData("SET events = list_append(events, :event)", "appends twice: the update expression appends with list_append")]
    [InlineData("SET body = :b ADD version :one", "counts twice: the update expression's ADD clause adds to the stored value")]
    public Task IncrementingUpdateExpressions_Report(string expression, string what) => VerifyAsync($$"""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await {|#0:Db.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = "counters",
                    Key = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue("total") },
                    UpdateExpression = "{{expression}}",
                })|};
            }
        }
        """,
        Write(0, $"A redelivered SQS message {what} without a ConditionExpression"));

    [Fact]
    public Task IncrementExpressionInAConstant_Reports() => VerifyAsync("""
        public class Function
        {
            private const string Increment = "ADD #count :one";
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(CloudWatchEvent<object> evt, ILambdaContext context)
            {
                var request = new UpdateItemRequest { TableName = "counters", Key = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue("x") } };
                request.UpdateExpression = Increment;
                await {|#0:Db.UpdateItemAsync(request)|};
            }
        }
        """,
        Write(0, "A redelivered EventBridge event counts twice: the update expression's ADD clause adds to the stored value without a ConditionExpression"));

    [Theory]
    [InlineData("SET body = :b, updatedAt = :now")]
    [InlineData("SET total = :a + :b")]
    [InlineData("SET #add = :v")]
    [InlineData("REMOVE pending")]
    [InlineData("DELETE tags :t")]
    public Task NonIncrementingUpdateExpressions_DoNotReport(string expression) => VerifyAsync($$"""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Db.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = "counters",
                    Key = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue("total") },
                    UpdateExpression = "{{expression}}",
                });
            }
        }
        """);

    // ---- event sources ----

    [Theory]
    [InlineData("SQSEvent", "SQS message")]
    [InlineData("SNSEvent", "SNS message")]
    [InlineData("S3Event", "S3 event notification")]
    [InlineData("KinesisEvent", "Kinesis record")]
    [InlineData("DynamoDBEvent", "DynamoDB stream record")]
    [InlineData("CloudWatchEvent<object>", "EventBridge event")]
    [InlineData("Amazon.Lambda.KafkaEvents.KafkaEvent", "Kafka record")]
    public Task AtLeastOnceSources_Report(string eventType, string noun) => VerifyAsync(
        PutItemHandler("""new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) }""", eventType: eventType),
        Write(0, $"A redelivered {noun} writes a second item: the key attribute 'pk' comes from Guid.NewGuid()"));

    [Theory]
    [InlineData("Amazon.Lambda.Annotations.SQS.SQSEvent(\"@Queue\")", "SQSEvent", "SQS message")]
    [InlineData("Amazon.Lambda.Annotations.S3.S3Event(\"@Bucket\")", "S3Event", "S3 event notification")]
    [InlineData("Amazon.Lambda.Annotations.SNS.SNSEvent(\"@Topic\")", "SNSEvent", "SNS message")]
    [InlineData("Amazon.Lambda.Annotations.DynamoDB.DynamoDBEvent(\"@Table\")", "DynamoDBEvent", "DynamoDB stream record")]
    public Task AnnotationsEventAttributes_Report(string attribute, string eventType, string noun) => VerifyAsync($$"""
        public class Functions
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            [Amazon.Lambda.Annotations.LambdaFunction]
            [{{attribute}}]
            public async Task Handle({{eventType}} evt)
            {
                await {|#0:Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) })|};
            }
        }
        """,
        Write(0, $"A redelivered {noun} writes a second item: the key attribute 'pk' comes from Guid.NewGuid()"));

    [Theory]
    [InlineData("APIGatewayProxyRequest")]
    [InlineData("APIGatewayHttpApiV2ProxyRequest")]
    [InlineData("ApplicationLoadBalancerRequest")]
    [InlineData("string")]
    public Task SynchronousAndUnknownSources_DoNotReport(string eventType) => VerifyAsync(
        PutItemHandler("""new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) }""", eventType: eventType).Replace("{|#0:", "").Replace(")|}", ")"));

    [Fact]
    public Task HttpApiAnnotationsHandler_DoesNotReport() => VerifyAsync("""
        public class Functions
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            [Amazon.Lambda.Annotations.LambdaFunction]
            [Amazon.Lambda.Annotations.APIGateway.HttpApi(Amazon.Lambda.Annotations.APIGateway.LambdaHttpMethod.Post, "/orders")]
            public async Task Create(string body)
            {
                await Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) });
            }
        }
        """);

    [Fact]
    public Task WriteReachedFromAnotherType_ReportsAtCompilationEnd() => VerifyAsync("""
        public class Function
        {
            private readonly OrderRepository _orders = new OrderRepository();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await _orders.SaveAsync(record.Body);
                }
            }
        }

        public class OrderRepository
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public Task SaveAsync(string body) =>
                {|#0:Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()), ["body"] = new AttributeValue(body) })|};
        }
        """,
        CrossTypeWrite(0, SqsItem));

    // ---- across types: a fresh value passed to a method other code calls ----

    /// <summary>The service behind an interface, in its own file: the key is the parameter the handler fills with a fresh value.</summary>
    private const string ResultService = """
        public interface IResultService
        {
            Task RecordAsync(string key, bool accepted);
        }

        public sealed class ResultService : IResultService
        {
            private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();

            public async Task RecordAsync(string key, bool accepted)
            {
                await {|#0:_db.PutItemAsync(new PutItemRequest
                {
                    TableName = "results",
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["pk"] = new AttributeValue { S = "result#" + key },
                        ["accepted"] = new AttributeValue { BOOL = accepted },
                    },
                })|};
            }
        }
        """;

    private static Verify.Test TwoFiles(string function, string service = ResultService)
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/src/Function.cs", Usings + function));
        test.TestState.Sources.Add(("/src/ResultService.cs", Usings + service));
        return test;
    }

    [Fact]
    public async Task FreshKeyPassedThroughAnInterface_ReportsTheWriteWithTheFreshValue()
    {
        var test = TwoFiles("""
            public class Function
            {
                private readonly IResultService _results = new ResultService();

                public async Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    foreach (var record in evt.Records)
                    {
                        await _results.RecordAsync({|#1:Guid.NewGuid()|}.ToString("N"), true);
                    }
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP202_MakeWritesIdempotent_CrossType).WithLocation(0).WithLocation(1).WithArguments(SqsItem));
        await test.RunAsync();
    }

    [Fact]
    public async Task FreshKeyInALocalPassedToAPublicMethod_Reports()
    {
        var test = TwoFiles("""
            public class Function
            {
                private readonly ResultService _results = new ResultService();

                public async Task Handle(SNSEvent evt, ILambdaContext context)
                {
                    var id = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}";
                    await _results.RecordAsync(id, accepted: true);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(CrossTypeWrite(0, "A redelivered SNS message writes a second item: the key attribute 'pk' comes from DateTime.UtcNow"));
        await test.RunAsync();
    }

    [Fact]
    public Task FreshKeyPassedToAStaticHelperOfAnotherType_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public Task Handle(KinesisEvent evt, ILambdaContext context) => Store.PutAsync(Db, Guid.NewGuid().ToString());
        }

        public static class Store
        {
            public static Task PutAsync(IAmazonDynamoDB db, string id) =>
                {|#0:db.PutItemAsync("events", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(id) })|};
        }
        """,
        CrossTypeWrite(0, "A redelivered Kinesis record writes a second item: the key attribute 'id' comes from Guid.NewGuid()"));

    [Fact]
    public Task FreshGuidPassedAsAGuidParameter_Reports() => VerifyAsync("""
        public class Function
        {
            private readonly Ledger _ledger = new Ledger();

            public Task Handle(DynamoDBEvent evt, ILambdaContext context) => _ledger.AppendAsync(Guid.NewGuid(), evt.Records.Count);
        }

        public class Ledger
        {
            private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();

            public Task AppendAsync(Guid entryId, int count) =>
                {|#0:_db.PutItemAsync("ledger", new Dictionary<string, AttributeValue> { ["entryId"] = new AttributeValue(entryId.ToString()), ["count"] = new AttributeValue { N = count.ToString() } })|};
        }
        """,
        CrossTypeWrite(0, "A redelivered DynamoDB stream record writes a second item: the key attribute 'entryId' comes from Guid.NewGuid()"));

    /// <summary>A fresh id goes to the audit repository; the order repository implements the same generic interface for another type argument.</summary>
    [Fact]
    public Task FreshKeyPassedToAnotherInstantiationOfAGenericInterface_DoesNotReport() => VerifyAsync("""
        public interface IRepo<T>
        {
            Task SaveAsync(string id, T item);
        }

        public sealed class Order { }

        public sealed class Audit { }

        public sealed class OrderRepo : IRepo<Order>
        {
            private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();

            public Task SaveAsync(string id, Order item) =>
                _db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(id) });
        }

        public class Function
        {
            private readonly IRepo<Audit> _audit;
            private readonly IRepo<Order> _orders = new OrderRepo();

            public Function(IRepo<Audit> audit) => _audit = audit;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await _orders.SaveAsync(record.MessageId, new Order());
                    await _audit.SaveAsync(Guid.NewGuid().ToString(), new Audit());
                }
            }
        }
        """);

    [Fact]
    public Task FreshKeyPassedThroughAnExplicitInterfaceImplementation_Reports() => VerifyAsync("""
        public interface IResults
        {
            Task RecordAsync(string key);
        }

        public sealed class Results : IResults
        {
            private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();

            Task IResults.RecordAsync(string key) =>
                {|#0:_db.PutItemAsync("results", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(key) })|};
        }

        public class Function
        {
            private readonly IResults _results = new Results();

            public Task Handle(SQSEvent evt, ILambdaContext context) => _results.RecordAsync(Guid.NewGuid().ToString());
        }
        """,
        CrossTypeWrite(0, SqsItem));

    [Fact]
    public async Task MessageIdPassedThroughAnInterface_DoesNotReport()
    {
        var test = TwoFiles("""
            public class Function
            {
                private readonly IResultService _results = new ResultService();

                public async Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    foreach (var record in evt.Records)
                    {
                        await _results.RecordAsync(record.MessageId, true);
                    }
                }
            }
            """, ResultService.Replace("{|#0:", "").Replace("})|};", "});"));
        await test.RunAsync();
    }

    /// <summary>The fresh value comes from an API handler (delivered once); the SQS handler passes its message id: no replay writes a new key.</summary>
    [Fact]
    public async Task FreshKeyOnlyFromAHandlerThatIsNotRedelivered_DoesNotReport()
    {
        var test = TwoFiles("""
            public class Queue
            {
                private readonly IResultService _results = new ResultService();

                public async Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    foreach (var record in evt.Records)
                    {
                        await _results.RecordAsync(record.MessageId, true);
                    }
                }
            }

            public class Api
            {
                private readonly IResultService _results = new ResultService();

                public async Task<APIGatewayProxyResponse> Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    await _results.RecordAsync(Guid.NewGuid().ToString(), true);
                    return new APIGatewayProxyResponse { StatusCode = 201 };
                }
            }
            """, ResultService.Replace("{|#0:", "").Replace("})|};", "});"));
        await test.RunAsync();
    }

    [Fact]
    public async Task FreshValuePassedToANonKeyParameter_DoesNotReport()
    {
        var test = TwoFiles("""
            public class Function
            {
                private readonly IAuditLog _audit = new AuditLog();

                public async Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    foreach (var record in evt.Records)
                    {
                        await _audit.WriteAsync(record.MessageId, DateTime.UtcNow.ToString("O"));
                    }
                }
            }
            """, """
            public interface IAuditLog
            {
                Task WriteAsync(string id, string at);
            }

            public sealed class AuditLog : IAuditLog
            {
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();

                public Task WriteAsync(string id, string at) =>
                    _db.PutItemAsync("audit", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(id), ["at"] = new AttributeValue(at) });
            }
            """);
        await test.RunAsync();
    }

    // ---- must stay silent ----

    [Theory]
    [InlineData(", ConditionExpression = \"attribute_not_exists(pk)\"")]
    [InlineData(", Expected = new Dictionary<string, ExpectedAttributeValue> { [\"pk\"] = new ExpectedAttributeValue { Exists = false } }")]
    public Task ConditionalPut_DoesNotReport(string condition) => VerifyAsync(
        PutItemHandler("""new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) }""", condition).Replace("{|#0:", "").Replace(")|}", ")"));

    [Theory]
    [InlineData("ConditionExpression = \"attribute_not_exists(processed)\",")]
    [InlineData("Expected = new Dictionary<string, ExpectedAttributeValue> { [\"version\"] = new ExpectedAttributeValue(new AttributeValue { N = \"1\" }) },")]
    public Task ConditionalIncrement_DoesNotReport(string condition) => VerifyAsync($$"""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Db.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = "counters",
                    Key = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue("total") },
                    UpdateExpression = "ADD #count :one",
                    {{condition}}
                });
            }
        }
        """);

    [Theory]
    [InlineData("record.MessageId")]
    [InlineData("$\"order#{record.MessageId}\"")]
    [InlineData("record.Body")]
    [InlineData("record.Attributes[\"MessageDeduplicationId\"]")]
    [InlineData("context.AwsRequestId")]
    public Task KeysFromTheEvent_DoNotReport(string key) => VerifyAsync($$"""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue({{key}}) });
                }
            }
        }
        """);

    [Fact]
    public Task S3KeyFromTheObjectKeyAndSequencer_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                await S3.PutObjectAsync(new PutObjectRequest { BucketName = "archive", Key = $"{record.S3.Object.Key}/{record.S3.Object.Sequencer}", ContentBody = "{}" });
            }
        }
        """);

    [Fact]
    public Task TransactWriteItemsWithClientRequestToken_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Db.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    ClientRequestToken = evt.Records[0].MessageId,
                    TransactItems = new List<TransactWriteItem>
                    {
                        new TransactWriteItem { Put = new Put { TableName = "orders", Item = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) } } },
                    },
                });
            }
        }
        """);

    [Fact]
    public Task TransactPutWithCondition_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Db.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems = new List<TransactWriteItem>
                    {
                        new TransactWriteItem { Put = new Put { TableName = "orders", ConditionExpression = "attribute_not_exists(pk)", Item = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) } } },
                    },
                });
            }
        }
        """);

    [Fact]
    public Task IdempotentHandler_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            [Idempotent]
            public async Task<string> Handle(SQSEvent evt, ILambdaContext context)
            {
                await Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) });
                return "ok";
            }
        }
        """);

    [Fact]
    public Task IdempotentCalleeOnThePath_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private readonly OrderService _orders = new OrderService();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var record in evt.Records)
                {
                    await _orders.ProcessAsync(record.Body);
                }
            }
        }

        public class OrderService
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            [Idempotent]
            public async Task<string> ProcessAsync(string body)
            {
                await StoreAsync(body);
                return "ok";
            }

            private static Task StoreAsync(string body) =>
                Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()), ["body"] = new AttributeValue(body) });
        }
        """);

    [Fact]
    public Task IdempotentOnOneOfTwoPaths_StillReports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Store();
                await Guarded();
            }

            [Idempotent]
            public async Task<string> Guarded()
            {
                await Store();
                return "ok";
            }

            private static Task Store() =>
                {|#0:Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) })|};
        }
        """,
        Write(0, SqsItem));

    [Theory]
    [InlineData("createdAt", "DateTime.UtcNow.ToString(\"o\")")]
    [InlineData("expiresAt", "DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds().ToString()")]
    [InlineData("nonce", "Guid.NewGuid().ToString()")]
    [InlineData("paid", "Random.Shared.Next().ToString()")]
    public Task FreshValueInANonKeyAttribute_DoesNotReport(string attribute, string value) => VerifyAsync($$"""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                await Db.PutItemAsync("orders", new Dictionary<string, AttributeValue>
                {
                    ["pk"] = new AttributeValue(record.MessageId),
                    ["{{attribute}}"] = new AttributeValue { S = {{value}} },
                });
            }
        }
        """);

    [Fact]
    public Task FreshValueInUpdateValues_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Db.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = "orders",
                    Key = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(evt.Records[0].MessageId) },
                    UpdateExpression = "SET updatedAt = :now",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":now"] = new AttributeValue(DateTime.UtcNow.ToString("o")) },
                });
            }
        }
        """);

    [Fact]
    public Task FreshValueInS3ContentOrMetadata_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                await S3.PutObjectAsync(new PutObjectRequest { BucketName = "archive", Key = "orders/" + record.MessageId, ContentBody = DateTime.UtcNow.ToString("o") });
            }
        }
        """);

    [Fact]
    public Task SaveAsyncWithNonKeyFreshProperty_DoesNotReport() => VerifyAsync("""
        public class Order
        {
            [DynamoDBHashKey]
            public string Id { get; set; } = "";

            public DateTime CreatedAt { get; set; }
        }

        public class Function
        {
            private static readonly IDynamoDBContext Context = new DynamoDBContextBuilder().Build();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Context.SaveAsync(new Order { Id = evt.Records[0].MessageId, CreatedAt = DateTime.UtcNow });
            }
        }
        """);

    [Fact]
    public Task WriteNotOnAnyInvocationPath_DoesNotReport() => VerifyAsync("""
        public class Seeder
        {
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public Task SeedAsync() =>
                Db.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(Guid.NewGuid().ToString()) });
        }
        """);

    [Fact]
    public Task FreshValueInAField_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly string InstanceId = Guid.NewGuid().ToString();
            private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Db.PutItemAsync("heartbeats", new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue(InstanceId) });
            }
        }
        """);

    // ---- key names ----

    [Theory]
    [InlineData("pk", true)]
    [InlineData("PK", true)]
    [InlineData("SK", true)]
    [InlineData("GSI1PK", true)]
    [InlineData("id", true)]
    [InlineData("Id", true)]
    [InlineData("orderId", true)]
    [InlineData("order_id", true)]
    [InlineData("OrderKey", true)]
    [InlineData("requestUuid", true)]
    [InlineData("createdAt", false)]
    [InlineData("paid", false)]
    [InlineData("valid", false)]
    [InlineData("body", false)]
    [InlineData("timestamp", false)]
    public void LooksLikeKeyName(string name, bool expected) =>
        Assert.Equal(expected, LBP202MakeWritesIdempotentRule.LooksLikeKeyName(name));

    // ---- broken code ----

    [Fact]
    public async Task BrokenCode_DoesNotThrow()
    {
        var test = new CSharpAnalyzerVerifier<LBP202MakeWritesIdempotentRule>.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static readonly IAmazonDynamoDB Db = new AmazonDynamoDBClient();

                    public async Task Handle(SQSEvent evt, ILambdaContext context)
                    {
                        await Db.PutItemAsync(new PutItemRequest { Item = new Dictionary<string, AttributeValue> { [Missing] = new AttributeValue(Guid.NewGuid(, UpdateExpression = 
                        await {|#0:Db.UpdateItemAsync(new UpdateItemRequest { UpdateExpression = {|#1:"ADD #c :one"|}, Key = Unknown() })|};
                        await Context.SaveAsync(new Nope { Id = Guid.NewGuid() });
                    }
                }
                """,
        };
        test.CompilerDiagnostics = CompilerDiagnostics.None;

        // The increment is still recognised next to the broken lines.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP202_MakeWritesIdempotent).WithLocation(0).WithLocation(1)
            .WithArguments("A redelivered SQS message counts twice: the update expression's ADD clause adds to the stored value without a ConditionExpression"));
        await test.RunAsync();
    }
}
