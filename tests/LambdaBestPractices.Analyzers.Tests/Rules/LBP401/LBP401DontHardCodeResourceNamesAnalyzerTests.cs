using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP401DontHardCodeResourceNamesRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP401DontHardCodeResourceNamesAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.DynamoDBv2.DocumentModel;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.Core;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Amazon.S3.Transfer;
        using Amazon.SQS;
        using Amazon.SQS.Model;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult Name(int location, string kind, string value, string slot) =>
        Verify.Diagnostic(Descriptors.LBP401_DontHardCodeResourceNames).WithLocation(location).WithArguments(kind, value, slot);

    private static DiagnosticResult CrossType(int location, string kind, string value, string slot) =>
        Verify.Diagnostic(Descriptors.LBP401_DontHardCodeResourceNames_CrossType).WithLocation(location).WithArguments(kind, value, slot);

    // ---- S3 ----

    [Fact]
    public Task S3RequestProperties_Report() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = {|#0:"orders-bucket"|}, Key = "a.json", ContentBody = input });
                await _s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = {|#1:"incoming"|}, SourceKey = "a", DestinationBucket = {|#2:"archive"|}, DestinationKey = "a" });
                var request = new GetObjectRequest();
                request.BucketName = {|#3:"reports"|};
                request.Key = "2024/summary.csv";
                _s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = {|#4:"downloads"|}, Key = "a", Expires = DateTime.UtcNow.AddHours(1) });
            }
        }
        """,
        Name(0, "bucket name", "orders-bucket", "'PutObjectRequest.BucketName'"),
        Name(1, "bucket name", "incoming", "'CopyObjectRequest.SourceBucket'"),
        Name(2, "bucket name", "archive", "'CopyObjectRequest.DestinationBucket'"),
        Name(3, "bucket name", "reports", "'GetObjectRequest.BucketName'"),
        Name(4, "bucket name", "downloads", "'GetPreSignedUrlRequest.BucketName'"));

    [Fact]
    public Task S3ConvenienceOverloadsAndTransferUtility_Report() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private readonly TransferUtility _transfer = new TransferUtility(new AmazonS3Client());

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3.GetObjectAsync({|#0:"orders-bucket"|}, input);
                await _transfer.UploadAsync("/tmp/report.csv", {|#1:"reports"|});
                await _transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = {|#2:"uploads"|}, Key = input, FilePath = "/tmp/x" });
                await Amazon.S3.Util.AmazonS3Util.DoesS3BucketExistV2Async(_s3, {|#3:"audit"|});
            }
        }
        """,
        Name(0, "bucket name", "orders-bucket", "the 'bucketName' argument of 'IAmazonS3.GetObjectAsync'"),
        Name(1, "bucket name", "reports", "the 'bucketName' argument of 'TransferUtility.UploadAsync'"),
        Name(2, "bucket name", "uploads", "'TransferUtilityUploadRequest.BucketName'"),
        Name(3, "bucket name", "audit", "the 'bucketName' argument of 'AmazonS3Util.DoesS3BucketExistV2Async'"));

    // ---- DynamoDB ----

    [Fact]
    public Task DynamoDBTableNames_Report() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _dynamo.PutItemAsync(new PutItemRequest { TableName = {|#0:"Orders"|}, Item = new Dictionary<string, AttributeValue>() });
                await _dynamo.BatchWriteItemAsync(new BatchWriteItemRequest
                {
                    RequestItems = new Dictionary<string, List<WriteRequest>> { [{|#1:"Invoices"|}] = new List<WriteRequest>() },
                });
                await _dynamo.BatchWriteItemAsync(new BatchWriteItemRequest
                {
                    RequestItems = new Dictionary<string, List<WriteRequest>> { { {|#2:"Customers"|}, new List<WriteRequest>() } },
                });
                await _dynamo.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = { [{|#3:"Products"|}] = new KeysAndAttributes() } });
                var table = Table.LoadTable(_dynamo, {|#4:"Payments"|});
                Table.TryLoadTable(_dynamo, {|#5:"Refunds"|}, out var refunds);
                var built = new TableBuilder(_dynamo, {|#6:"Shipments"|}).Build();
            }
        }
        """,
        Name(0, "table name", "Orders", "'PutItemRequest.TableName'"),
        Name(1, "table name", "Invoices", "'BatchWriteItemRequest.RequestItems'"),
        Name(2, "table name", "Customers", "'BatchWriteItemRequest.RequestItems'"),
        Name(3, "table name", "Products", "'BatchGetItemRequest.RequestItems'"),
        Name(4, "table name", "Payments", "the 'tableName' argument of 'Table.LoadTable'"),
        Name(5, "table name", "Refunds", "the 'tableName' argument of 'Table.TryLoadTable'"),
        Name(6, "table name", "Shipments", "the 'tableName' argument of 'new TableBuilder(...)'"));

    [Fact]
    public Task DynamoDBContextOverrideTableName_Reports() => VerifyAsync("""
        public class Function
        {
            private readonly IDynamoDBContext _context = new DynamoDBContextBuilder().Build();

            public Task<Order> Handle(string id, ILambdaContext context) =>
                _context.LoadAsync<Order>(id, new LoadConfig { OverrideTableName = {|#0:"orders-v2"|} });
        }

        public class Order
        {
            [DynamoDBHashKey]
            public string Id { get; set; } = "";
        }
        """,
        Name(0, "table name", "orders-v2", "'LoadConfig.OverrideTableName'"));

    // ---- SQS, SNS, Lambda, Step Functions, EventBridge, Secrets Manager, SSM ----

    [Fact]
    public Task QueueUrlsAndNames_Report() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonSQS _sqs = new AmazonSQSClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = {|#0:"https://sqs.us-east-1.amazonaws.com/123456789012/orders"|}, MessageBody = input });
                await _sqs.SendMessageAsync({|#1:"https://sqs.eu-west-1.amazonaws.com/123456789012/invoices.fifo"|}, input);
                await _sqs.GetQueueUrlAsync({|#2:"audit-queue"|});
            }
        }
        """,
        Name(0, "queue URL", "https://sqs.us-east-1.amazonaws.com/123456789012/orders", "'SendMessageRequest.QueueUrl'"),
        Name(1, "queue URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/invoices.fifo", "the 'queueUrl' argument of 'IAmazonSQS.SendMessageAsync'"),
        Name(2, "queue name", "audit-queue", "the 'queueName' argument of 'IAmazonSQS.GetQueueUrlAsync'"));

    [Fact]
    public Task OtherServiceSlots_Report() => VerifyAsync("""
        using Amazon.Lambda;
        using Amazon.Lambda.Model;
        using Amazon.SimpleNotificationService;
        using Amazon.SimpleNotificationService.Model;
        using Amazon.StepFunctions;
        using Amazon.StepFunctions.Model;
        using Amazon.EventBridge;
        using Amazon.EventBridge.Model;
        using Amazon.SecretsManager;
        using Amazon.SecretsManager.Model;
        using Amazon.SecretsManager.Extensions.Caching;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;

        public class Function
        {
            private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();
            private readonly IAmazonLambda _lambda = new AmazonLambdaClient();
            private readonly IAmazonStepFunctions _states = new AmazonStepFunctionsClient();
            private readonly IAmazonEventBridge _events = new AmazonEventBridgeClient();
            private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
            private readonly ISecretsManagerCache _cache = new SecretsManagerCache();
            private readonly IAmazonSimpleSystemsManagement _ssm = new AmazonSimpleSystemsManagementClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _sns.PublishAsync(new PublishRequest { TopicArn = {|#0:"arn:aws:sns:us-east-1:123456789012:alerts"|}, Message = input });
                await _sns.PublishAsync({|#1:"arn:aws:sns:us-east-1:123456789012:audit"|}, input);
                await _lambda.InvokeAsync(new InvokeRequest { FunctionName = {|#2:"resize-image"|}, Payload = input });
                await _states.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = {|#3:"arn:aws:states:us-east-1:123456789012:stateMachine:checkout"|}, Input = input });
                await _events.PutEventsAsync(new PutEventsRequest { Entries = new List<PutEventsRequestEntry> { new PutEventsRequestEntry { EventBusName = {|#4:"orders-bus"|}, Detail = input } } });
                await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = {|#5:"prod/db-credentials"|} });
                await _cache.GetSecretString({|#6:"prod/api-key"|});
                await _ssm.GetParameterAsync(new GetParameterRequest { Name = {|#7:"/prod/orders/api-url"|}, WithDecryption = true });
                await _ssm.GetParametersAsync(new GetParametersRequest { Names = new List<string> { {|#8:"/prod/a"|}, {|#9:"/prod/b"|} } });
            }
        }
        """,
        Name(0, "topic ARN", "arn:aws:sns:us-east-1:123456789012:alerts", "'PublishRequest.TopicArn'"),
        Name(1, "topic ARN", "arn:aws:sns:us-east-1:123456789012:audit", "the 'topicArn' argument of 'IAmazonSimpleNotificationService.PublishAsync'"),
        Name(2, "function name", "resize-image", "'InvokeRequest.FunctionName'"),
        Name(3, "state machine ARN", "arn:aws:states:us-east-1:123456789012:stateMachine:checkout", "'StartExecutionRequest.StateMachineArn'"),
        Name(4, "event bus name", "orders-bus", "'PutEventsRequestEntry.EventBusName'"),
        Name(5, "secret ID", "prod/db-credentials", "'GetSecretValueRequest.SecretId'"),
        Name(6, "secret ID", "prod/api-key", "the 'secretId' argument of 'ISecretsManagerCache.GetSecretString'"),
        Name(7, "parameter name", "/prod/orders/api-url", "'GetParameterRequest.Name'"),
        Name(8, "parameter name", "/prod/a", "'GetParametersRequest.Names'"),
        Name(9, "parameter name", "/prod/b", "'GetParametersRequest.Names'"));

    /// <summary>Kinesis stream names (issue 16); a list of stream names returned or paged through is not a slot.</summary>
    [Fact]
    public Task KinesisStreamNames_Report() => VerifyAsync("""
        using Amazon.Kinesis;
        using Amazon.Kinesis.Model;

        public class Function
        {
            private readonly IAmazonKinesis _kinesis = new AmazonKinesisClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _kinesis.PutRecordAsync(new PutRecordRequest { StreamName = {|#0:"clickstream"|}, PartitionKey = input });
                await _kinesis.ListStreamsAsync(new ListStreamsRequest { ExclusiveStartStreamName = "a-stream" });
            }
        }
        """,
        Name(0, "stream name", "clickstream", "'PutRecordRequest.StreamName'"));

    [Fact]
    public Task ArnsAndQueueUrlsInAnySdkSlot_Report() => VerifyAsync("""
        using Amazon.SimpleNotificationService;
        using Amazon.SimpleNotificationService.Model;

        public class Function
        {
            private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _sns.PublishAsync(new PublishRequest { TopicArn = {|#0:"arn:aws-cn:sns:cn-north-1:123456789012:alerts"|}, Message = input });
                await _sns.PublishAsync(new PublishRequest { TargetArn = {|#1:"arn:aws-us-gov:sns:us-gov-west-1:123456789012:endpoint/APNS/app/1234"|}, Message = input });
            }
        }
        """,
        Name(0, "topic ARN", "arn:aws-cn:sns:cn-north-1:123456789012:alerts", "'PublishRequest.TopicArn'"),
        Name(1, "ARN", "arn:aws-us-gov:sns:us-gov-west-1:123456789012:endpoint/APNS/app/1234", "'PublishRequest.TargetArn'"));

    // ---- how a constant reaches the slot ----

    [Fact]
    public Task ConstField_ReportsAtTheDeclarationOnce() => VerifyAsync("""
        public class Function
        {
            private const string Bucket = {|#0:"orders-bucket"|};
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = input });
                await _s3.GetObjectAsync(Bucket, input);
                await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = input });
            }
        }
        """,
        Name(0, "bucket name", "orders-bucket", "'DeleteObjectRequest.BucketName'"));

    [Fact]
    public Task StaticReadonlyFieldAndGetOnlyProperties_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly string Table = {|#0:"Orders"|};
            private string Queue { get; } = {|#1:"https://sqs.us-east-1.amazonaws.com/123456789012/orders"|};
            private static string Bucket => {|#2:"reports"|};
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
            private readonly IAmazonSQS _sqs = new AmazonSQSClient();
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = Table });
                await _sqs.SendMessageAsync(Queue, input);
                await _s3.GetObjectAsync(Bucket, input);
            }
        }
        """,
        Name(0, "table name", "Orders", "'DeleteItemRequest.TableName'"),
        Name(1, "queue URL", "https://sqs.us-east-1.amazonaws.com/123456789012/orders", "the 'queueUrl' argument of 'IAmazonSQS.SendMessageAsync'"),
        Name(2, "bucket name", "reports", "the 'bucketName' argument of 'IAmazonS3.GetObjectAsync'"));

    [Fact]
    public Task LocalsConcatenationAndInterpolationOfConstants_Report() => VerifyAsync("""
        public class Function
        {
            private const string Prefix = "acme";
            private static readonly string Stage = "prod";
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                var bucket = {|#0:"orders-bucket"|};
                await _s3.GetObjectAsync(bucket, input);
                const string table = {|#1:"Orders"|};
                await _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = table });
                await _s3.GetObjectAsync({|#2:Prefix + "-reports"|}, input);
                await _s3.GetObjectAsync({|#3:$"{Prefix}-{Stage}-invoices"|}, input);
                string archive;
                archive = {|#4:"archive"|};
                await _s3.GetObjectAsync(archive, input);
            }
        }
        """,
        Name(0, "bucket name", "orders-bucket", "the 'bucketName' argument of 'IAmazonS3.GetObjectAsync'"),
        Name(1, "table name", "Orders", "'DeleteItemRequest.TableName'"),
        Name(2, "bucket name", "acme-reports", "the 'bucketName' argument of 'IAmazonS3.GetObjectAsync'"),
        Name(3, "bucket name", "acme-prod-invoices", "the 'bucketName' argument of 'IAmazonS3.GetObjectAsync'"),
        Name(4, "bucket name", "archive", "the 'bucketName' argument of 'IAmazonS3.GetObjectAsync'"));

    [Fact]
    public Task ConstantsClassInAnotherFile_ReportsAtCompilationEnd()
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
                            private readonly IAmazonS3 _s3 = new AmazonS3Client();
                            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

                            public async Task Handle(string input, ILambdaContext context)
                            {
                                await _s3.GetObjectAsync(Constants.Bucket, input);
                                await _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = Constants.Table });
                            }
                        }
                        """),
                    ("Constants.cs", """
                        public static class Constants
                        {
                            public const string Bucket = {|#0:"orders-bucket"|};
                            public static readonly string Table = {|#1:"Orders"|};
                            public const string Unused = "not-a-resource";
                        }
                        """),
                },
            },
        };
        test.ExpectedDiagnostics.Add(CrossType(0, "bucket name", "orders-bucket", "the 'bucketName' argument of 'IAmazonS3.GetObjectAsync'"));
        test.ExpectedDiagnostics.Add(CrossType(1, "table name", "Orders", "'DeleteItemRequest.TableName'"));
        return test.RunAsync();
    }

    [Fact]
    public Task ConstantUsedInItsOwnTypeAndElsewhere_ReportsOnceLive() => VerifyAsync("""
        public class Function
        {
            public const string Table = {|#0:"Orders"|};
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public Task Handle(string input, ILambdaContext context) => _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = Table });
        }

        public class Reports
        {
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public Task Run() => _dynamo.PutItemAsync(new PutItemRequest { TableName = Function.Table });
        }
        """,
        Name(0, "table name", "Orders", "'DeleteItemRequest.TableName'"));

    [Fact]
    public Task RequestBuiltInAStaticFieldInitializer_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();
            private static readonly ListObjectsV2Request Listing = new() { BucketName = {|#0:"orders-bucket"|}, Prefix = "incoming/" };

            public Task Handle(string input, ILambdaContext context) => S3.ListObjectsV2Async(Listing);
        }
        """,
        Name(0, "bucket name", "orders-bucket", "'ListObjectsV2Request.BucketName'"));

    [Fact]
    public Task TopLevelStatements_Report()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using Amazon.Lambda.RuntimeSupport;

                var s3 = new AmazonS3Client();
                Func<string, ILambdaContext, Task> handler = async (input, context) =>
                    await s3.GetObjectAsync({|#0:"orders-bucket"|}, input);
                await LambdaBootstrapBuilder.Create(handler, new Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Name(0, "bucket name", "orders-bucket", "the 'bucketName' argument of 'AmazonS3Client.GetObjectAsync'"));
        return test.RunAsync();
    }

    // ---- must stay silent ----

    [Fact]
    public Task EnvironmentConfigurationOptionsParametersAndEvent_AreSilent() => VerifyAsync("""
        using Amazon.Lambda.S3Events;

        public class BucketOptions
        {
            public string BucketName { get; set; } = "default-bucket";
        }

        public class Function
        {
            private static readonly string Table = Environment.GetEnvironmentVariable("TABLE_NAME")!;
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
            private readonly BucketOptions _options = new();

            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                await _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = Table });
                await _s3.GetObjectAsync(_options.BucketName, "k");
                foreach (var record in evt.Records)
                {
                    await _s3.GetObjectAsync(record.S3.Bucket.Name, record.S3.Object.Key);
                }

                // A literal here would be reported at the literal (LiteralsPassedToWrappers_Report, issue 16); the
                // parameter itself never is.
                await Copy(record0: evt.Records[0].S3.Bucket.Name, key: "k");
            }

            private Task Copy(string record0, string key) => _s3.GetObjectAsync(record0, key);
        }
        """);

    [Fact]
    public Task ConfigurationValues_AreSilent() => VerifyAsync("""
        public class Function
        {
            private readonly Microsoft.Extensions.Configuration.IConfiguration _configuration;
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public Function(Microsoft.Extensions.Configuration.IConfiguration configuration) => _configuration = configuration;

            public Task Handle(string input, ILambdaContext context) => _s3.GetObjectAsync(_configuration["Storage:Bucket"], input);
        }
        """);

    [Fact]
    public Task FallbackOfAnEnvironmentRead_IsSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly string Bucket = Environment.GetEnvironmentVariable("BUCKET_NAME") ?? "local-bucket";
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3.GetObjectAsync(Bucket, input);
                var table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? "orders-local";
                await _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = table });
                var queue = string.IsNullOrEmpty(input) ? "fallback" : input;
                await _s3.GetObjectAsync(queue, input);
            }
        }
        """);

    [Fact]
    public Task KeysPrefixesAndOtherNonResourceSlots_AreSilent() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public async Task Handle(string bucket, ILambdaContext context)
            {
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "reports/2024.csv", ContentType = "text/csv", ContentBody = "a,b" });
                await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "incoming/", Delimiter = "/" });
                await _s3.GetObjectAsync(bucket, "orders/summary.json");
                await _dynamo.QueryAsync(new QueryRequest { TableName = bucket, IndexName = "by-customer", KeyConditionExpression = "pk = :pk", ProjectionExpression = "id" });
            }
        }
        """);

    /// <summary>
    /// A private field or auto-property assigned exactly once, in the constructor, from a literal is as fixed as a readonly
    /// field with an initializer (issue 16): reported at the literal.
    /// </summary>
    [Fact]
    public Task MemberAssignedOnceInTheConstructor_Reports() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private readonly IAmazonSQS _sqs = new AmazonSQSClient();
            private string _bucket;

            private string QueueUrl { get; }

            public Function()
            {
                _bucket = {|#0:"orders-bucket"|};
                QueueUrl = {|#1:"https://sqs.us-east-1.amazonaws.com/123456789012/orders"|};
            }

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3.GetObjectAsync(_bucket, input);
                await _sqs.SendMessageAsync(QueueUrl, input);
            }
        }
        """,
        Name(0, "bucket name", "orders-bucket", "the 'bucketName' argument of 'IAmazonS3.GetObjectAsync'"),
        Name(1, "queue URL", "https://sqs.us-east-1.amazonaws.com/123456789012/orders", "the 'queueUrl' argument of 'IAmazonSQS.SendMessageAsync'"));

    /// <summary>The look-alikes: assigned in two constructors with different values, or also outside the constructor.</summary>
    [Fact]
    public Task MemberAssignedInTwoPlaces_IsSilent() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private string _bucket;
            private string _archive;

            public Function()
            {
                _bucket = "orders-bucket";
                _archive = "archive-bucket";
            }

            public Function(bool test)
            {
                _bucket = "test-bucket";
                _archive = "archive-bucket";
            }

            public async Task Handle(string input, ILambdaContext context)
            {
                _archive = input;
                await _s3.GetObjectAsync(_bucket, input);
                await _s3.GetObjectAsync(_archive, input);
            }
        }
        """);

    [Fact]
    public Task ReassignedOrConditionalValues_AreSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly string Overridden = "default";
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public Function(string bucket) => Overridden2 = bucket;

            private readonly string Overridden2 = "default-2";

            public async Task Handle(string input, ILambdaContext context)
            {
                var bucket = "first";
                if (input.Length > 3)
                {
                    bucket = input;
                }

                await _s3.GetObjectAsync(bucket, input);
                await _s3.GetObjectAsync(input.Length > 0 ? "a-bucket" : "b-bucket", input);
                await _s3.GetObjectAsync(Overridden2, input);
                await _s3.GetObjectAsync($"{input}-bucket", input);
            }
        }
        """);

    /// <summary>
    /// Issue 16 changed this case on purpose (RULES.md): a model the function loads through DynamoDBContext, with no table
    /// name mapping in the compilation, names its table in the source. It was silent before.
    /// </summary>
    [Fact]
    public Task DynamoDBTableAttribute_Reports() => VerifyAsync("""
        [DynamoDBTable({|#0:"Orders"|})]
        public class Order
        {
            [DynamoDBHashKey]
            public string Id { get; set; } = "";
        }

        public class Function
        {
            private readonly IDynamoDBContext _context = new DynamoDBContextBuilder().Build();

            public Task<Order> Handle(string id, ILambdaContext context) => _context.LoadAsync<Order>(id);
        }
        """,
        CrossType(0, "table name", "Orders", "the [DynamoDBTable] attribute of 'Order'"));

    [Fact]
    public Task ArnsOutsideSdkCalls_AreSilent() => VerifyAsync("""
        public class Function
        {
            private const string Documentation = "arn:aws:sns:us-east-1:123456789012:alerts";

            public string Handle(string input, ILambdaContext context)
            {
                context.Logger.LogLine("arn:aws:sns:us-east-1:123456789012:alerts");
                return Documentation + input;
            }
        }
        """);

    [Fact]
    public Task ArnTemplatesAndLookAlikes_AreSilent() => VerifyAsync("""
        using Amazon.SimpleNotificationService;
        using Amazon.SimpleNotificationService.Model;

        public class Function
        {
            private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _sns.PublishAsync(new PublishRequest { TopicArn = input, Message = "arn:aws:sns is the prefix of every topic", Subject = "https://sqs.us-east-1.amazonaws.com/" });
            }
        }
        """);

    [Fact]
    public Task TestProject_IsSilent()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private readonly IAmazonS3 _s3 = new AmazonS3Client();

                    public Task Handle(string input, ILambdaContext context) => _s3.GetObjectAsync("orders-bucket", input);
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            lambda_best_practices.treat_as_test_project = true
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task IsTestProjectProperty_IsSilent()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private readonly IAmazonS3 _s3 = new AmazonS3Client();

                    public Task Handle(string input, ILambdaContext context) => _s3.GetObjectAsync("orders-bucket", input);
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            build_property.IsTestProject = true
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task NonLambdaProject_IsSilent() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.S3;

        public class Uploader
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public Task Run(string key) => _s3.GetObjectAsync("orders-bucket", key);
        }
        """, Stubs.None);

    // ---- options ----

    [Fact]
    public Task ExcludedSlots_TurnOffThoseSlots()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using Amazon.SimpleNotificationService;
                using Amazon.SimpleNotificationService.Model;

                public class Function
                {
                    private readonly IAmazonS3 _s3 = new AmazonS3Client();
                    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
                    private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();

                    public async Task Handle(string input, ILambdaContext context)
                    {
                        await _s3.GetObjectAsync("orders-bucket", input);
                        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = input });
                        await _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = "Orders" });
                        await _dynamo.PutItemAsync(new PutItemRequest { TableName = {|#0:"Invoices"|} });
                        await _sns.PublishAsync(new PublishRequest { TopicArn = input, TargetArn = "arn:aws:sns:us-east-1:123456789012:endpoint/APNS/app/1", Message = input });
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            lambda_best_practices.LBP401.excluded_slots = bucketName|PutObjectRequest.BucketName , DeleteItemRequest.TableName|arn
            """));
        test.ExpectedDiagnostics.Add(Name(0, "table name", "Invoices", "'PutItemRequest.TableName'"));
        return test.RunAsync();
    }

    // ---- literals handed to the project's own wrappers (issue 16) ----

    /// <summary>
    /// A literal passed to a method of the project's own code (any type, any file, through an interface) whose parameter
    /// lands in an SDK slot is a hard-coded name: reported at the literal, once, at compilation end.
    /// </summary>
    [Fact]
    public Task LiteralsPassedToWrappers_Report()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Function.cs", Usings + """
            public class Function
            {
                private const string Archive = {|#2:"orders-archive"|};
                private readonly IStorage _storage = new Storage();
                private readonly QueueClient _queue = new();

                public async Task Handle(string body, ILambdaContext context)
                {
                    await _storage.UploadAsync({|#0:"my-bucket"|}, "a.json", body);
                    await _storage.UploadAsync(Archive, "b.json", body);
                    await _storage.UploadAsync(Archive, "c.json", body);
                    await _queue.SendAsync({|#1:"https://sqs.eu-west-1.amazonaws.com/123456789012/orders"|}, body);
                    await Copy({|#3:"target-bucket"|}, "k");
                    await _queue.SendByNameAsync({|#4:"audit"|}, body);
                }

                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                private Task Copy(string bucket, string key) => _s3.GetObjectAsync(bucket, key);
            }
            """));
        test.TestState.Sources.Add(("Services.cs", Usings + """
            public interface IStorage
            {
                Task UploadAsync(string bucket, string key, string body);
            }

            public class Storage : IStorage
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public Task UploadAsync(string bucket, string key, string body) =>
                    _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body });
            }

            public class QueueClient
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();

                public Task SendAsync(string queueUrl, string body) => _sqs.SendMessageAsync(queueUrl, body);

                public async Task SendByNameAsync(string queueName, string body)
                {
                    var url = await _sqs.GetQueueUrlAsync(queueName);
                    await _sqs.SendMessageAsync(url.QueueUrl, body);
                }
            }
            """));
        test.ExpectedDiagnostics.Add(CrossType(0, "bucket name", "my-bucket", "the 'bucket' argument of 'Storage.UploadAsync'"));
        test.ExpectedDiagnostics.Add(CrossType(1, "queue URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/orders", "the 'queueUrl' argument of 'QueueClient.SendAsync'"));
        test.ExpectedDiagnostics.Add(CrossType(2, "bucket name", "orders-archive", "the 'bucket' argument of 'Storage.UploadAsync'"));
        test.ExpectedDiagnostics.Add(CrossType(3, "bucket name", "target-bucket", "the 'bucket' argument of 'Function.Copy'"));
        test.ExpectedDiagnostics.Add(CrossType(4, "queue name", "audit", "the 'queueName' argument of 'QueueClient.SendByNameAsync'"));
        return test.RunAsync();
    }

    /// <summary>
    /// Silent: a wrapper parameter that is not a slot (a key), values read from the environment, a wrapper of a wrapper (one
    /// call deep), and literals passed from test code.
    /// </summary>
    [Fact]
    public Task WrapperArgumentsThatNameNoResource_AreSilent() => VerifyAsync("""
        public class Function
        {
            private static readonly string Bucket = Environment.GetEnvironmentVariable("BUCKET")!;
            private readonly Storage _storage = new();

            public async Task Handle(string body, ILambdaContext context)
            {
                await _storage.UploadAsync(Bucket, "reports/summary.json", body);
                await _storage.UploadTwiceAsync("nested-bucket", body);
            }
        }

        public class Storage
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public Task UploadAsync(string bucket, string key, string body) =>
                _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body });

            public Task UploadTwiceAsync(string target, string body) => UploadAsync(target, "twice.json", body);
        }
        """);

    /// <summary>
    /// Through an interface, only when every implementation puts the parameter in a slot (a disk store uses it as a folder);
    /// and the call site's options can exclude the wrapper by <c>Type.Method</c> or by its parameter's name.
    /// </summary>
    [Fact]
    public Task WrapperThroughAnInterfaceWithAnotherUseOrExcluded_IsSilent()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/Function.cs", Usings + """
            public interface IBlobStore
            {
                Task SaveAsync(string container, string key, string body);
            }

            public class S3Store : IBlobStore
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public Task SaveAsync(string container, string key, string body) =>
                    _s3.PutObjectAsync(new PutObjectRequest { BucketName = container, Key = key, ContentBody = body });
            }

            public class DiskStore : IBlobStore
            {
                public Task SaveAsync(string container, string key, string body) =>
                    System.IO.File.WriteAllTextAsync(System.IO.Path.Combine(container, key), body);
            }

            public interface IArchive
            {
                Task PutAsync(string target, string body);
            }

            public class S3Archive : IArchive
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public Task PutAsync(string target, string body) => _s3.PutObjectAsync(new PutObjectRequest { BucketName = target, Key = "a", ContentBody = body });
            }

            public class LocalArchive : IArchive
            {
                Task IArchive.PutAsync(string target, string body) => System.IO.File.WriteAllTextAsync(target, body);
            }

            public class Storage
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public Task UploadAsync(string bucket, string key) => _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key });
            }

            public class Function
            {
                private readonly IBlobStore _store = new DiskStore();
                private readonly IArchive _archive = new LocalArchive();

                public Task Handle(string body, ILambdaContext context) =>
                    Task.WhenAll(_store.SaveAsync("scratch", "a.json", body), _archive.PutAsync("archive.txt", body));
            }
            """));
        test.TestState.Sources.Add(("/Excluded/Jobs.cs", Usings + """
            public class Jobs
            {
                private readonly Storage _storage = new();

                public Task Run(string body, ILambdaContext context) => _storage.UploadAsync("reports-bucket", "a.json");
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [Excluded/*.cs]
            lambda_best_practices.LBP401.excluded_slots = Storage.UploadAsync
            """));
        return test.RunAsync();
    }

    // ---- [DynamoDBTable] on models (issue 16) ----

    /// <summary>
    /// A model the code saves, loads or queries through DynamoDBContext names its table in <c>[DynamoDBTable]</c>: reported
    /// at the literal, at compilation end. A generic repository (a type parameter as the type argument) uses every model.
    /// </summary>
    [Fact]
    public Task DynamoDBTableOnUsedModels_Reports()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Function.cs", Usings + """
            public class Function
            {
                private readonly IDynamoDBContext _db = new DynamoDBContextBuilder().Build();

                public async Task Handle(Order order, ILambdaContext context)
                {
                    await _db.SaveAsync(order);
                    var customer = await _db.LoadAsync<Customer>(order.CustomerId);
                }
            }
            """));
        test.TestState.Sources.Add(("Models.cs", """
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable({|#0:"Orders"|})]
            public class Order
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
                public string CustomerId { get; set; } = "";
            }

            [DynamoDBTable({|#1:"customers-prod"|}, true)]
            public class Customer
            {
                [DynamoDBHashKey] public string Id { get; set; } = "";
            }

            [DynamoDBTable("Unused")]
            public class Archived
            {
            }
            """));
        test.ExpectedDiagnostics.Add(CrossType(0, "table name", "Orders", "the [DynamoDBTable] attribute of 'Order'"));
        test.ExpectedDiagnostics.Add(CrossType(1, "table name", "customers-prod", "the [DynamoDBTable] attribute of 'Customer'"));
        return test.RunAsync();
    }

    [Fact]
    public Task DynamoDBTableThroughAGenericRepository_Reports() => VerifyAsync("""
        public class Function
        {
            private readonly Repository<Invoice> _invoices = new(new DynamoDBContextBuilder().Build());

            public Task Handle(Invoice invoice, ILambdaContext context) => _invoices.SaveAsync(invoice);
        }

        public class Repository<T>
        {
            private readonly IDynamoDBContext _db;

            public Repository(IDynamoDBContext db) => _db = db;

            public Task SaveAsync(T item) => _db.SaveAsync<T>(item);
        }

        [DynamoDBTable({|#0:"Invoices"|})]
        public class Invoice
        {
            [DynamoDBHashKey] public string Id { get; set; } = "";
        }
        """,
        CrossType(0, "table name", "Invoices", "the [DynamoDBTable] attribute of 'Invoice'"));

    /// <summary>
    /// Silent when the compilation maps table names at init (a prefix in the builder's or the global context config, an
    /// operation's override, an alias), when no context call uses the model, and when a constant names the table.
    /// </summary>
    [Theory]
    [InlineData("_ = new DynamoDBContextBuilder().ConfigureContext(c => c.TableNamePrefix = Environment.GetEnvironmentVariable(\"STAGE\") + \"-\");")]
    [InlineData("Amazon.AWSConfigsDynamoDB.Context.TableNamePrefix = Environment.GetEnvironmentVariable(\"TABLE_PREFIX\");")]
    [InlineData("Amazon.AWSConfigsDynamoDB.Context.AddAlias(new Amazon.Util.TableAlias(\"Orders\", Environment.GetEnvironmentVariable(\"ORDERS_TABLE\")));")]
    [InlineData("Amazon.AWSConfigsDynamoDB.Context.TableAliases[\"Orders\"] = Environment.GetEnvironmentVariable(\"ORDERS_TABLE\");")]
    [InlineData("_ = new SaveConfig { OverrideTableName = Environment.GetEnvironmentVariable(\"ORDERS_TABLE\") };")]
    public Task DynamoDBTableWithTableNameMapping_IsSilent(string mapping) => VerifyAsync($$"""
        public class Function
        {
            private static readonly IDynamoDBContext Db = new DynamoDBContextBuilder().Build();

            static Function()
            {
                {{mapping}}
            }

            public Task Handle(Order order, ILambdaContext context) => Db.SaveAsync(order);
        }

        [DynamoDBTable("Orders")]
        public class Order
        {
            [DynamoDBHashKey] public string Id { get; set; } = "";
        }
        """);

    [Fact]
    public Task DynamoDBTableOnUnusedModelsConstantsOrExcluded_IsSilent()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Function.cs", Usings + """
            public class Function
            {
                private readonly IDynamoDBContext _db = new DynamoDBContextBuilder().Build();

                public async Task Handle(Order order, ILambdaContext context)
                {
                    await _db.SaveAsync(order);
                    await _db.SaveAsync(new Shipment());
                    var document = _db.ToDocument(new Audit());
                    var audit = _db.FromDocument<Audit>(document);
                }
            }

            public static class Tables
            {
                public const string Shipments = "Shipments";
            }

            [DynamoDBTable(Tables.Shipments)]
            public class Shipment
            {
            }

            [DynamoDBTable("Audit")]
            public class Audit
            {
            }
            """));
        test.TestState.Sources.Add(("/Models/Order.cs", """
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("Orders")]
            public class Order
            {
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [Models/*.cs]
            lambda_best_practices.LBP401.excluded_slots = DynamoDBTable
            """));
        return test.RunAsync();
    }

    // ---- broken code ----

    [Fact]
    public Task IncompleteCode_DoesNotThrow() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3.GetObjectAsync({|#0:"reports"|}, input);
                await _s3.GetObjectAsync("orders-bucket", {|CS1525:)|};
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = {|CS0103:Missing|}, Key = input });
                await _s3.PutObjectAsync(new PutObjectRequest { {|CS0117:Bucket|} = "x" });
                var local = {|CS0103:Undefined|};
                await _s3.GetObjectAsync(local, input);
            }
        }
        """,
        Name(0, "bucket name", "reports", "the 'bucketName' argument of 'IAmazonS3.GetObjectAsync'"));
}
