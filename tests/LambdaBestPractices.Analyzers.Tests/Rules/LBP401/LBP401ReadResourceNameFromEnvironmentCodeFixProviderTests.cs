using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LambdaBestPractices.Analyzers.Rules.LBP401DontHardCodeResourceNamesRule,
    LambdaBestPractices.Analyzers.CodeFixes.LBP401ReadResourceNameFromEnvironmentCodeFixProvider>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP401ReadResourceNameFromEnvironmentCodeFixProviderTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.Lambda.Core;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Amazon.SQS;

        """;

    private static Task VerifyFixAsync(string source, string fixedSource) =>
        Verify.VerifyCodeFixAsync(Usings + source, Usings + fixedSource, LBP401ReadResourceNameFromEnvironmentCodeFixProvider.ReadFromEnvironmentKey);

    [Fact]
    public Task InlineLiteral_BecomesAFieldReadFromTheEnvironment() => VerifyFixAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                // Upload the order.
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = {|LBP401:"orders-bucket"|} /* main bucket */, Key = input });
            }
        }
        """, """
        public class Function
        {
            private static readonly string OrdersBucketName = Environment.GetEnvironmentVariable("ORDERS_BUCKET_NAME")
                ?? throw new InvalidOperationException("Set the ORDERS_BUCKET_NAME environment variable to the bucket name (it was hard-coded as \"orders-bucket\").");

            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                // Upload the order.
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = OrdersBucketName /* main bucket */, Key = input });
            }
        }
        """);

    /// <summary>A literal assigned once in the constructor: the constructor reads the new field; the member keeps its shape.</summary>
    [Fact]
    public Task LiteralAssignedInTheConstructor_BecomesAFieldRead() => VerifyFixAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private string _bucket;

            public Function()
            {
                _bucket = {|LBP401:"orders-bucket"|}; // set once
            }

            public Task Handle(string input, ILambdaContext context) => _s3.GetObjectAsync(_bucket, input);
        }
        """, """
        public class Function
        {
            private static readonly string OrdersBucketName = Environment.GetEnvironmentVariable("ORDERS_BUCKET_NAME")
                ?? throw new InvalidOperationException("Set the ORDERS_BUCKET_NAME environment variable to the bucket name (it was hard-coded as \"orders-bucket\").");

            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private string _bucket;

            public Function()
            {
                _bucket = OrdersBucketName; // set once
            }

            public Task Handle(string input, ILambdaContext context) => _s3.GetObjectAsync(_bucket, input);
        }
        """);

    [Fact]
    public Task ConstField_BecomesStaticReadonlyReadingTheVariable() => VerifyFixAsync("""
        public class Function
        {
            // The invoices table.
            public const string InvoicesTable = {|LBP401:"Invoices"|}; // prod
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public Task Handle(string id, ILambdaContext context) => _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = InvoicesTable });
        }
        """, """
        public class Function
        {
            // The invoices table.
            public static readonly string InvoicesTable = Environment.GetEnvironmentVariable("INVOICES_TABLE_NAME")
                ?? throw new InvalidOperationException("Set the INVOICES_TABLE_NAME environment variable to the table name (it was hard-coded as \"Invoices\")."); // prod
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public Task Handle(string id, ILambdaContext context) => _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = InvoicesTable });
        }
        """);

    [Fact]
    public Task ReadonlyField_KeepsItsModifiers() => VerifyFixAsync("""
        public class Function
        {
            private static readonly string Queue = {|LBP401:"https://sqs.us-east-1.amazonaws.com/123456789012/orders-prod"|};
            private readonly IAmazonSQS _sqs = new AmazonSQSClient();

            public Task Handle(string input, ILambdaContext context) => _sqs.SendMessageAsync(Queue, input);
        }
        """, """
        public class Function
        {
            private static readonly string Queue = Environment.GetEnvironmentVariable("ORDERS_QUEUE_URL")
                ?? throw new InvalidOperationException("Set the ORDERS_QUEUE_URL environment variable to the queue URL (it was hard-coded as \"https://sqs.us-east-1.amazonaws.com/123456789012/orders-prod\").");
            private readonly IAmazonSQS _sqs = new AmazonSQSClient();

            public Task Handle(string input, ILambdaContext context) => _sqs.SendMessageAsync(Queue, input);
        }
        """);

    [Fact]
    public Task LocalsAndConstLocals_ReadTheField() => VerifyFixAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                var bucket = {|LBP401:"reports"|};
                await _s3.GetObjectAsync(bucket, input);
                const string table = {|LBP401:"Orders"|};
                await _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = table });
            }
        }
        """, """
        public class Function
        {
            private static readonly string OrdersTableName = Environment.GetEnvironmentVariable("ORDERS_TABLE_NAME")
                ?? throw new InvalidOperationException("Set the ORDERS_TABLE_NAME environment variable to the table name (it was hard-coded as \"Orders\").");

            private static readonly string ReportsBucketName = Environment.GetEnvironmentVariable("REPORTS_BUCKET_NAME")
                ?? throw new InvalidOperationException("Set the REPORTS_BUCKET_NAME environment variable to the bucket name (it was hard-coded as \"reports\").");

            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public async Task Handle(string input, ILambdaContext context)
            {
                var bucket = ReportsBucketName;
                await _s3.GetObjectAsync(bucket, input);
                string table = OrdersTableName;
                await _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = table });
            }
        }
        """);

    [Fact]
    public Task FixAll_RepeatedLiteral_SharesOneField() => VerifyFixAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3.GetObjectAsync({|LBP401:"orders-bucket"|}, input);
                await _s3.DeleteObjectAsync({|LBP401:"orders-bucket"|}, input);
                await _s3.GetObjectAsync({|LBP401:"orders"|}, input);
            }
        }
        """, """
        public class Function
        {
            private static readonly string OrdersBucketName2 = Environment.GetEnvironmentVariable("ORDERS_BUCKET_NAME_2")
                ?? throw new InvalidOperationException("Set the ORDERS_BUCKET_NAME_2 environment variable to the bucket name (it was hard-coded as \"orders\").");

            private static readonly string OrdersBucketName = Environment.GetEnvironmentVariable("ORDERS_BUCKET_NAME")
                ?? throw new InvalidOperationException("Set the ORDERS_BUCKET_NAME environment variable to the bucket name (it was hard-coded as \"orders-bucket\").");

            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string input, ILambdaContext context)
            {
                await _s3.GetObjectAsync(OrdersBucketName, input);
                await _s3.DeleteObjectAsync(OrdersBucketName, input);
                await _s3.GetObjectAsync(OrdersBucketName2, input);
            }
        }
        """);

    [Fact]
    public Task StaticInitializerUse_FieldGoesFirst() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();
            private static readonly ListObjectsV2Request Listing = new() { BucketName = {|LBP401:"incoming"|}, Prefix = "new/" };

            public Task Handle(string input, ILambdaContext context) => S3.ListObjectsV2Async(Listing);
        }
        """, """
        public class Function
        {
            private static readonly string IncomingBucketName = Environment.GetEnvironmentVariable("INCOMING_BUCKET_NAME")
                ?? throw new InvalidOperationException("Set the INCOMING_BUCKET_NAME environment variable to the bucket name (it was hard-coded as \"incoming\").");

            private static readonly IAmazonS3 S3 = new AmazonS3Client();
            private static readonly ListObjectsV2Request Listing = new() { BucketName = IncomingBucketName, Prefix = "new/" };

            public Task Handle(string input, ILambdaContext context) => S3.ListObjectsV2Async(Listing);
        }
        """);

    [Fact]
    public Task WithoutUsingSystem_AddsTheUsing() => Verify.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public Task Handle(string input, ILambdaContext context) => _s3.GetObjectAsync({|LBP401:"arn:aws:s3:::orders-archive"|}, input);
        }
        """, """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;

        public class Function
        {
            private static readonly string OrdersArchiveBucketName = Environment.GetEnvironmentVariable("ORDERS_ARCHIVE_BUCKET_NAME")
                ?? throw new InvalidOperationException("Set the ORDERS_ARCHIVE_BUCKET_NAME environment variable to the bucket name (it was hard-coded as \"arn:aws:s3:::orders-archive\").");

            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public Task Handle(string input, ILambdaContext context) => _s3.GetObjectAsync(OrdersArchiveBucketName, input);
        }
        """, LBP401ReadResourceNameFromEnvironmentCodeFixProvider.ReadFromEnvironmentKey);

    [Fact]
    public Task ConstUsedWhereACompileTimeConstantIsNeeded_OffersNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            private const string Table = {|LBP401:"Orders"|};
            private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();

            public Task Handle(string id, ILambdaContext context)
            {
                switch (id)
                {
                    case Table:
                        return Task.CompletedTask;
                    default:
                        return _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = Table });
                }
            }
        }
        """);

    /// <summary><c>[DynamoDBTable("Orders")]</c>: an attribute argument must stay a constant, so no fix (the rule page shows the mapping).</summary>
    [Fact]
    public Task DynamoDBTableAttribute_OffersNoFix()
    {
        const string Source = Usings + """
                [Amazon.DynamoDBv2.DataModel.DynamoDBTable({|#0:"Orders"|})]
                public class Order
                {
                    [Amazon.DynamoDBv2.DataModel.DynamoDBHashKey] public string Id { get; set; } = "";
                }

                public class Function
                {
                    private readonly Amazon.DynamoDBv2.DataModel.IDynamoDBContext _db = new Amazon.DynamoDBv2.DataModel.DynamoDBContextBuilder().Build();

                    public Task Handle(Order order, ILambdaContext context) => _db.SaveAsync(order);
                }
                """;

        // A compilation-end diagnostic: the testing library refuses a fix check on it unless the local check is off.
        var test = new Verify.Test { TestCode = Source, FixedCode = Source, CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP401_DontHardCodeResourceNames_CrossType).WithLocation(0)
            .WithArguments("table name", "Orders", "the [DynamoDBTable] attribute of 'Order'"));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_InSolution_OneFieldPerTypeAndLiteral()
    {
        var test = new Verify.Test { CodeActionEquivalenceKey = LBP401ReadResourceNameFromEnvironmentCodeFixProvider.ReadFromEnvironmentKey };
        test.TestState.Sources.Add(("A.cs", Usings + """
            public partial class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public Task Handle(string input, ILambdaContext context) => _s3.GetObjectAsync({|LBP401:"orders-bucket"|}, input);
            }
            """));
        test.TestState.Sources.Add(("B.cs", Usings + """
            public partial class Function
            {
                public Task Other(string input) => _s3.DeleteObjectAsync({|LBP401:"orders-bucket"|}, input);
            }
            """));
        test.FixedState.Sources.Add(("A.cs", Usings + """
            public partial class Function
            {
                private static readonly string OrdersBucketName = Environment.GetEnvironmentVariable("ORDERS_BUCKET_NAME")
                    ?? throw new InvalidOperationException("Set the ORDERS_BUCKET_NAME environment variable to the bucket name (it was hard-coded as \"orders-bucket\").");

                private readonly IAmazonS3 _s3 = new AmazonS3Client();

                public Task Handle(string input, ILambdaContext context) => _s3.GetObjectAsync(OrdersBucketName, input);
            }
            """));
        test.FixedState.Sources.Add(("B.cs", Usings + """
            public partial class Function
            {
                public Task Other(string input) => _s3.DeleteObjectAsync(OrdersBucketName, input);
            }
            """));
        return test.RunAsync();
    }
}
