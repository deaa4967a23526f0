using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP101CreateClientsOnceRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP101CreateClientsOnceAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.S3Events;
        using Amazon.Lambda.SQSEvents;
        using Amazon.S3;
        using Amazon.S3.Transfer;

        """;

    private static Task VerifyAsync(string source) => Verify.VerifyAnalyzerAsync(Usings + source);

    // ---- flagged ----

    [Fact]
    public Task NewS3ClientInHandler_Reports() => VerifyAsync(/* lang=c#-test */ """
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|#0:new AmazonS3Client()|};
                await s3.ListBucketsAsync();
            }
        }
        """.Replace("{|#0:new AmazonS3Client()|}", "{|LBP101:new AmazonS3Client()|}"));

    [Fact]
    public async Task NewS3ClientInHandler_MessageNamesTheClient()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    public void Handle(string input, ILambdaContext context)
                    {
                        var s3 = {|#0:new AmazonS3Client(RegionEndpoint.USEast1)|};
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP101_CreateSdkClientsOnce).WithLocation(0).WithArguments("AmazonS3Client"));
        await test.RunAsync();
    }

    [Fact]
    public Task TargetTypedNew_Reports() => VerifyAsync("""
        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                AmazonDynamoDBClient ddb = {|LBP101:new()|};
            }
        }
        """);

    [Fact]
    public Task DynamoDBContextTransferUtilityAndHttpClient_Report() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonDynamoDB _ddb;
            private readonly IAmazonS3 _s3;

            public Function(IAmazonDynamoDB ddb, IAmazonS3 s3) { _ddb = ddb; _s3 = s3; }

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
        #pragma warning disable CS0618 // DynamoDBContext's constructors are obsolete in AWSSDK v4
                var db = {|LBP101:new DynamoDBContext(_ddb)|};
        #pragma warning restore CS0618
                var transfer = {|LBP101:new TransferUtility(_s3)|};
                using var http = {|LBP101:new HttpClient()|};
                await http.GetStringAsync("https://example.com");
            }
        }
        """);

    [Fact]
    public async Task DynamoDBContextBuilderBuildInHandler_ReportsTheBuildCall()
    {
        // AWSSDK v4 obsoletes the DynamoDBContext constructors; the builder is how v4 code creates a context.
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static readonly IAmazonDynamoDB Ddb = new AmazonDynamoDBClient();

                    public async Task Handle(SQSEvent evt, ILambdaContext context)
                    {
                        var db = {|#0:new DynamoDBContextBuilder()
                            .WithDynamoDBClient(() => Ddb)
                            .Build()|};
                        await Task.CompletedTask;
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP101_CreateSdkClientsOnce).WithLocation(0).WithArguments("DynamoDBContext"));
        await test.RunAsync();
    }

    [Fact]
    public Task DynamoDBContextBuilderInHelperCalledFromHandler_Reports() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();

            public Task Handle(S3Event evt, ILambdaContext context) => SaveAsync();

            private async Task SaveAsync()
            {
                IDynamoDBContext db = {|LBP101:new DynamoDBContextBuilder().WithDynamoDBClient(() => _ddb).Build()|};
                await Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task DynamoDBContextBuilderInInitCode_NoDiagnostic() => VerifyAsync("""
        public class Function
        {
            private static readonly IDynamoDBContext Shared = new DynamoDBContextBuilder().WithDynamoDBClient(() => new AmazonDynamoDBClient()).Build();
            private readonly IDynamoDBContext _db;
            private static IDynamoDBContext? s_lazy;

            public Function()
            {
                _db = new DynamoDBContextBuilder().Build();
            }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                s_lazy ??= new DynamoDBContextBuilder().Build();
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task DynamoDBContextBuilderStoredBeforeBuild_NoDiagnostic() => VerifyAsync("""
        // The rule follows the fluent chain only; a builder kept in a local is left alone (a documented miss).
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var builder = new DynamoDBContextBuilder();
                var db = builder.Build();
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task HttpClientSubclass_Reports() => VerifyAsync("""
        public class TracingHttpClient : HttpClient { }

        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                using var http = {|LBP101:new TracingHttpClient()|};
            }
        }
        """);

    [Fact]
    public Task UsingStatement_Reports() => VerifyAsync("""
        public class Function
        {
            public async Task Handle(S3Event evt, ILambdaContext context)
            {
                using (var s3 = {|LBP101:new AmazonS3Client()|})
                {
                    await s3.ListBucketsAsync();
                }
            }
        }
        """);

    [Fact]
    public Task HelperInSameClass_Reports() => VerifyAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context) => SaveAsync();

            private async Task SaveAsync()
            {
                var s3 = CreateClient();
                await s3.ListBucketsAsync();
            }

            private static IAmazonS3 CreateClient() => {|LBP101:new AmazonS3Client()|};
        }
        """);

    [Fact]
    public async Task HelperInAnotherFileAndClass_Reports()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Function.cs", Usings + """
            public class Function
            {
                public Task Handle(SQSEvent evt, ILambdaContext context) => Storage.SaveAsync("x");
            }
            """));
        test.TestState.Sources.Add(("Storage.cs", Usings + """
            public static class Storage
            {
                public static async Task SaveAsync(string key)
                {
                    using var s3 = {|LBP101:new AmazonS3Client()|};
                    await s3.ListBucketsAsync();
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public Task LambdaFunctionAttributeWithoutContext_Reports() => VerifyAsync("""
        public class Functions
        {
            [Amazon.Lambda.Annotations.LambdaFunction]
            public string Get(string id)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                return id;
            }
        }
        """);

    [Fact]
    public Task PropertyGetterCalledFromHandler_Reports() => VerifyAsync("""
        public class Function
        {
            private IAmazonS3 S3 => {|LBP101:new AmazonS3Client()|};

            public Task Handle(SQSEvent evt, ILambdaContext context) => S3.ListBucketsAsync();
        }
        """);

    [Fact]
    public Task LocalFunctionAndLambdaInHandler_Report() => VerifyAsync("""
        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                var clients = evt.Records.Select(r => {|LBP101:new AmazonS3Client()|}).ToList();
                Send();

                void Send()
                {
                    var s3 = {|LBP101:new AmazonS3Client()|};
                }
            }
        }
        """);

    [Fact]
    public Task InterfaceDispatchFromHandler_Reports() => VerifyAsync("""
        public interface IOrderStore { Task SaveAsync(string id); }

        public class S3OrderStore : IOrderStore
        {
            public async Task SaveAsync(string id)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                await s3.ListBucketsAsync();
            }
        }

        public class Function
        {
            private readonly IOrderStore _store;

            public Function(IOrderStore store) => _store = store;

            public Task Handle(SQSEvent evt, ILambdaContext context) => _store.SaveAsync("id");
        }
        """);

    [Fact]
    public Task ServiceConstructedPerInvocation_ReportsItsConstructorAndInitializers() => VerifyAsync("""
        public class OrderService
        {
            private readonly IAmazonS3 _s3 = {|LBP101:new AmazonS3Client()|};
            private readonly IAmazonDynamoDB _ddb;

            public OrderService() => _ddb = {|LBP101:new AmazonDynamoDBClient()|};
        }

        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                var service = new OrderService();
            }
        }
        """);

    [Fact]
    public Task UnconditionalAssignmentToField_Reports() => VerifyAsync("""
        public class Function
        {
            private IAmazonS3? _s3;

            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                _s3 = {|LBP101:new AmazonS3Client()|};
            }
        }
        """);

    [Fact]
    public Task RecursiveHelpers_ReportOnce() => VerifyAsync("""
        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context) => Ping(3);

            private void Ping(int n) { if (n > 0) Pong(n - 1); }

            private void Pong(int n)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                Ping(n);
            }
        }
        """);

    [Fact]
    public Task PocoHandlerWithContext_Reports() => VerifyAsync("""
        public record Order(string Id);

        public class Function
        {
            public string Handle(Order order, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                return order.Id;
            }
        }
        """);

    [Fact]
    public async Task TopLevelHandlerLambda_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using Amazon.S3;

                var s3 = new AmazonS3Client(); // init code: runs once, before RunAsync

                var handler = async (string input, ILambdaContext context) =>
                {
                    var perCall = {|LBP101:new AmazonS3Client()|};
                    await perCall.ListBucketsAsync();
                    return input;
                };

                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task TopLevelHandlerWithoutContextParameter_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using Amazon.S3;

                Func<string, string> upper = input =>
                {
                    var s3 = {|LBP101:new AmazonS3Client()|};
                    return input.ToUpperInvariant();
                };

                await LambdaBootstrapBuilder.Create(upper, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task MethodGroupInLocalPassedToBootstrap_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                public static class Program
                {
                    public static async Task Main()
                    {
                        Func<string, string> handler = Handle;
                        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                    }

                    private static string Handle(string input)
                    {
                        var s3 = {|LBP101:new AmazonS3Client()|};
                        return input;
                    }
                }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task HandlerWrapperMethodGroup_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using System.IO;
                using Amazon.Lambda.RuntimeSupport;

                public static class Program
                {
                    public static async Task Main()
                    {
                        using var wrapper = HandlerWrapper.GetHandlerWrapper((Action<Stream>)Handle);
                        await Task.CompletedTask;
                    }

                    private static void Handle(Stream input)
                    {
                        var s3 = {|LBP101:new AmazonS3Client()|};
                    }
                }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    // ---- must stay silent ----

    [Fact]
    public Task ClientInConstructor_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3;

            public Function() => _s3 = new AmazonS3Client();

            public Task Handle(SQSEvent evt, ILambdaContext context) => _s3.ListBucketsAsync();
        }
        """);

    [Fact]
    public Task ClientInStaticConstructor_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3;

            static Function() => S3 = new AmazonS3Client();

            public Task Handle(SQSEvent evt, ILambdaContext context) => S3.ListBucketsAsync();
        }
        """);

    [Fact]
    public Task ClientInStaticReadonlyField_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();
            private readonly HttpClient _http = new HttpClient();

            public IAmazonDynamoDB Ddb { get; } = new AmazonDynamoDBClient();

            public Task Handle(SQSEvent evt, ILambdaContext context) => S3.ListBucketsAsync();
        }
        """);

    [Fact]
    public Task MethodNotOnAnyInvocationPath_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context) => Task.CompletedTask;

            public static IAmazonS3 CreateForTests() => new AmazonS3Client();
        }
        """);

    [Fact]
    public Task HelperCalledOnlyFromConstructor_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonS3 _s3;

            public Function() => _s3 = CreateClient();

            private static IAmazonS3 CreateClient() => new AmazonS3Client(RegionEndpoint.USEast1);

            public Task Handle(SQSEvent evt, ILambdaContext context) => _s3.ListBucketsAsync();
        }
        """);

    [Fact]
    public Task CoalesceAssignmentLazyInit_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static IAmazonS3? s_s3;
            private IAmazonDynamoDB? _ddb;

            private IAmazonDynamoDB Ddb => _ddb ??= new AmazonDynamoDBClient();

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                s_s3 ??= new AmazonS3Client();
                return Ddb.ListTablesAsync();
            }
        }
        """);

    [Fact]
    public Task NullCheckLazyInit_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static IAmazonS3? s_s3;
            private static IAmazonDynamoDB? s_ddb;
            private static HttpClient? s_http;
            private static readonly object Gate = new();

            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                if (s_s3 is null)
                {
                    s_s3 = new AmazonS3Client();
                }

                if (s_ddb == null)
                    s_ddb = new AmazonDynamoDBClient();

                GetHttp();
            }

            private static HttpClient GetHttp()
            {
                if (s_http != null) return s_http;
                lock (Gate)
                {
                    s_http = new HttpClient();
                    return s_http;
                }
            }
        }
        """);

    [Fact]
    public Task CoalesceWithAssignmentAndInterlocked_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static IAmazonS3? s_s3;
            private static IAmazonDynamoDB? s_ddb;

            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = s_s3 ?? (s_s3 = new AmazonS3Client());
                Interlocked.CompareExchange(ref s_ddb, new AmazonDynamoDBClient(), null);
            }
        }
        """);

    /// <summary>
    /// <c>_x = _x ?? new X()</c>, the spelling before <c>??=</c>, is lazy init too (field, static field, property, through a
    /// conversion to the interface); so is the same in a property getter.
    /// </summary>
    [Fact]
    public Task CoalesceIntoSameMemberLazyInit_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static IAmazonS3? s_s3;
            private HttpClient? _http;
            private AmazonDynamoDBClient? _ddb;

            private IAmazonDynamoDB? Table { get; set; }

            private AmazonDynamoDBClient Ddb { get { _ddb = _ddb ?? new AmazonDynamoDBClient(); return _ddb; } }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                _http = _http ?? new HttpClient();
                s_s3 = s_s3 ?? new AmazonS3Client();
                this.Table = Table ?? new AmazonDynamoDBClient();
                return Ddb.ListTablesAsync();
            }
        }
        """);

    /// <summary>The look-alikes: the member tested by <c>??</c> is not the one written, or the result is not stored at all.</summary>
    [Fact]
    public Task CoalesceIntoOtherMemberOrLocal_Reports() => VerifyAsync("""
        public class Function
        {
            private IAmazonS3? _s3;
            private IAmazonS3? _fallback;
            private HttpClient? _http;

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                _s3 = _fallback ?? {|LBP101:new AmazonS3Client()|};
                var http = _http ?? {|LBP101:new HttpClient()|};
                var ddb = (IAmazonDynamoDB?)null ?? {|LBP101:new AmazonDynamoDBClient()|};
                return Task.WhenAll(_s3.ListBucketsAsync(), http.GetStringAsync("https://example.com"), ddb.ListTablesAsync());
            }
        }
        """);

    /// <summary>
    /// AWS's WebSocket API blueprint: a client factory stored in a property at init and invoked on every request builds a
    /// client per call. A factory stored but never invoked on the path, and one invoked only at init, stay silent.
    /// </summary>
    [Fact]
    public Task ClientFactoryDelegateInvokedPerRequest_Reports() => VerifyAsync("""
        public class Function
        {
            public Func<string, IAmazonS3> ClientFactory { get; }
            private readonly Func<IAmazonDynamoDB> _unused = () => new AmazonDynamoDBClient();
            private readonly Func<IAmazonDynamoDB> _atInit = () => new AmazonDynamoDBClient();
            private readonly IAmazonDynamoDB _ddb;

            public Function()
            {
                ClientFactory = endpoint => {|LBP101:new AmazonS3Client(new AmazonS3Config { ServiceURL = endpoint })|};
                _ddb = _atInit();
            }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var client = ClientFactory(evt.Records[0].Body);
                return Task.WhenAll(client.ListBucketsAsync(), _ddb.ListTablesAsync());
            }
        }
        """);

    private const string ThirdPartyStubs = """
        namespace RestSharp { public class RestClient { public RestClient(string baseUrl = "") { } } }
        namespace GraphQL.Client.Http { public class GraphQLHttpClient { public GraphQLHttpClient(string endpoint) { } } }
        namespace MongoDB.Driver { public class MongoClient { public MongoClient(string connectionString) { } } }
        namespace Elastic.Clients.Elasticsearch { public class ElasticsearchClient { } }
        namespace OpenSearch.Client { public class OpenSearchClient { } }
        namespace Discord.WebSocket { public class DiscordSocketClient { } }
        namespace Microsoft.Data.SqlClient { public class SqlConnection : System.IDisposable { public SqlConnection(string connectionString) { } public void Dispose() { } } }
        namespace MyCompany { public class RestClient { } }
        namespace Acme.Payments { public class PaymentsClient { } public class PaymentsRequest { } }

        """;

    /// <summary>
    /// Network clients outside the AWS SDK that own sockets or an HttpClient (issue 16), matched by namespace and name, and a
    /// type derived from one.
    /// </summary>
    [Fact]
    public Task ThirdPartyClientsInHandler_Report() => VerifyAsync(ThirdPartyStubs + """
        public class OrdersApi : RestSharp.RestClient
        {
            public OrdersApi() : base("https://orders") { }
        }

        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                var rest = {|LBP101:new RestSharp.RestClient("https://api.example.com")|};
                var graph = {|LBP101:new GraphQL.Client.Http.GraphQLHttpClient("https://api.example.com/graphql")|};
                var mongo = {|LBP101:new MongoDB.Driver.MongoClient("mongodb://db")|};
                var search = {|LBP101:new Elastic.Clients.Elasticsearch.ElasticsearchClient()|};
                var open = {|LBP101:new OpenSearch.Client.OpenSearchClient()|};
                var discord = {|LBP101:new Discord.WebSocket.DiscordSocketClient()|};
                var orders = {|LBP101:new OrdersApi()|};
            }
        }
        """);

    /// <summary>ADO.NET connections are pooled; a type of the same name elsewhere is not the client; a static field is init.</summary>
    [Fact]
    public Task ConnectionsLookAlikesAndStaticClients_DoNotReport() => VerifyAsync(ThirdPartyStubs + """
        public class Function
        {
            private static readonly RestSharp.RestClient Rest = new("https://api.example.com");

            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                using var connection = new Microsoft.Data.SqlClient.SqlConnection("Server=db");
                var mine = new MyCompany.RestClient();
                var payments = new Acme.Payments.PaymentsClient();
            }
        }
        """);

    private const string FactoryStubs = """
        namespace StackExchange.Redis
        {
            public class ConnectionMultiplexer
            {
                public static ConnectionMultiplexer Connect(string configuration) => new();
                public static Task<ConnectionMultiplexer> ConnectAsync(string configuration) => Task.FromResult(new ConnectionMultiplexer());
                public static ConnectionMultiplexer Other(string configuration) => new();
            }
        }

        namespace Grpc.Net.Client { public class GrpcChannel { public static GrpcChannel ForAddress(string address) => new(); } }

        """;

    /// <summary>Clients from static factories (issue 16): a Redis connection and a gRPC channel per invocation.</summary>
    [Fact]
    public Task StaticFactoryClientsInHandler_Report() => VerifyAsync(FactoryStubs + """
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var redis = {|LBP101:StackExchange.Redis.ConnectionMultiplexer.Connect("cache:6379")|};
                var redisAsync = await {|LBP101:StackExchange.Redis.ConnectionMultiplexer.ConnectAsync("cache:6379")|}.ConfigureAwait(false);
                var channel = {|LBP101:Grpc.Net.Client.GrpcChannel.ForAddress("https://orders:5001")|};
                var other = StackExchange.Redis.ConnectionMultiplexer.Other("cache:6379");
            }
        }
        """);

    /// <summary>StackExchange.Redis's own pattern (a static <c>Lazy&lt;ConnectionMultiplexer&gt;</c>) and lazy init stay silent.</summary>
    [Fact]
    public Task StaticFactoryClientsCreatedOnce_DoNotReport() => VerifyAsync(FactoryStubs + """
        public class Function
        {
            private static readonly Lazy<StackExchange.Redis.ConnectionMultiplexer> Redis = new(() => StackExchange.Redis.ConnectionMultiplexer.Connect("cache:6379"));
            private static readonly Grpc.Net.Client.GrpcChannel Channel = Grpc.Net.Client.GrpcChannel.ForAddress("https://orders:5001");
            private static StackExchange.Redis.ConnectionMultiplexer? s_redis;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                s_redis ??= await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync("cache:6379").ConfigureAwait(false);
                var redis = Redis.Value;
            }
        }
        """);

    /// <summary><c>lambda_best_practices.LBP101.additional_client_types</c> adds the project's own clients, by metadata name.</summary>
    [Fact]
    public Task AdditionalClientTypesOption_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + ThirdPartyStubs + """
                public class Function
                {
                    public void Handle(SQSEvent evt, ILambdaContext context)
                    {
                        var payments = {|#0:new Acme.Payments.PaymentsClient()|};
                        var request = new Acme.Payments.PaymentsRequest();
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            lambda_best_practices.LBP101.additional_client_types = Acme.Payments.PaymentsClient | Unknown.Type
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP101_CreateSdkClientsOnce).WithLocation(0).WithArguments("PaymentsClient"));
        return test.RunAsync();
    }

    /// <summary>A long-lived cache's value factory runs once per key (issue 16).</summary>
    [Fact]
    public Task GetOrAddFactoryOnAFieldDictionary_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IAmazonS3> s_clients = new();
            private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IAmazonDynamoDB> _tables = new();

            private System.Collections.Concurrent.ConcurrentDictionary<string, HttpClient> Http { get; } = new();

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var region = evt.Records[0].AwsRegion;
                var s3 = s_clients.GetOrAdd(region, r => new AmazonS3Client(Amazon.RegionEndpoint.GetBySystemName(r)));
                var ddb = this._tables.GetOrAdd(region, static _ => new AmazonDynamoDBClient());
                var http = Http.GetOrAdd(region, (r, timeout) => new HttpClient { Timeout = timeout }, TimeSpan.FromSeconds(5));
                return Task.WhenAll(s3.ListBucketsAsync(), ddb.ListTablesAsync(), http.GetStringAsync("https://example.com"));
            }
        }
        """);

    /// <summary>
    /// The look-alikes: the value overload builds a client on every call, a dictionary created per invocation forgets its
    /// clients, and AddOrUpdate's update factory runs on every call for a known key.
    /// </summary>
    [Fact]
    public Task GetOrAddValueLocalDictionaryAndUpdateFactory_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IAmazonS3> s_clients = new();

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var region = evt.Records[0].AwsRegion;
                var s3 = s_clients.GetOrAdd(region, {|LBP101:new AmazonS3Client()|});
                var perCall = new System.Collections.Concurrent.ConcurrentDictionary<string, IAmazonDynamoDB>();
                var ddb = perCall.GetOrAdd(region, _ => {|LBP101:new AmazonDynamoDBClient()|});
                var updated = s_clients.AddOrUpdate(region, _ => {|LBP101:new AmazonS3Client()|}, (_, old) => {|LBP101:new AmazonS3Client()|});
                return Task.WhenAll(s3.ListBucketsAsync(), ddb.ListTablesAsync(), updated.ListBucketsAsync());
            }
        }
        """);

    /// <summary>
    /// <c>IMemoryCache.GetOrCreate</c>/<c>GetOrCreateAsync</c> on a cache held in a field or property (a singleton from DI)
    /// runs its factory once per key, whatever the argument order (issue 16).
    /// </summary>
    [Fact]
    public Task MemoryCacheFactoryOnAFieldCache_DoesNotReport() => VerifyAsync("""
        using Microsoft.Extensions.Caching.Memory;

        public class Function
        {
            private static readonly IMemoryCache s_cache = new MemoryCache(new MemoryCacheOptions());
            private readonly IMemoryCache _cache;

            public Function(IMemoryCache cache) => _cache = cache;

            private IMemoryCache Cache => _cache;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var region = evt.Records[0].AwsRegion;
                var s3 = _cache.GetOrCreate(region, entry =>
                {
                    entry.SlidingExpiration = TimeSpan.FromHours(1);
                    return new AmazonS3Client(Amazon.RegionEndpoint.GetBySystemName(region));
                })!;
                var ddb = await Cache.GetOrCreateAsync("ddb-" + region, _ => Task.FromResult<IAmazonDynamoDB>(new AmazonDynamoDBClient()));
                var http = CacheExtensions.GetOrCreate(factory: _ => new HttpClient(), key: region, cache: s_cache)!;
                await Task.WhenAll(s3.ListBucketsAsync(), ddb!.ListTablesAsync(), http.GetStringAsync("https://example.com"));
            }
        }
        """);

    /// <summary>The look-alikes: a cache made per invocation forgets its clients, and <c>Set</c> builds one on every call.</summary>
    [Fact]
    public Task MemoryCacheInALocalOrSetValue_Reports() => VerifyAsync("""
        using Microsoft.Extensions.Caching.Memory;

        public class Function
        {
            private static readonly IMemoryCache s_cache = new MemoryCache(new MemoryCacheOptions());

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var region = evt.Records[0].AwsRegion;
                using var perCall = new MemoryCache(new MemoryCacheOptions());
                var s3 = perCall.GetOrCreate(region, _ => {|LBP101:new AmazonS3Client()|})!;
                var ddb = s_cache.Set<IAmazonDynamoDB>(region, {|LBP101:new AmazonDynamoDBClient()|});
                return Task.WhenAll(s3.ListBucketsAsync(), ddb.ListTablesAsync());
            }
        }
        """);

    [Fact]
    public Task LazyFactories_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly Lazy<IAmazonS3> S3 = new(() => new AmazonS3Client());
            private static IAmazonDynamoDB? s_ddb;

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                LazyInitializer.EnsureInitialized(ref s_ddb, () => new AmazonDynamoDBClient());
                return S3.Value.ListBucketsAsync();
            }
        }
        """);

    [Fact]
    public Task HttpClientFactory_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private readonly IHttpClientFactory _factory;

            public Function(IHttpClientFactory factory) => _factory = factory;

            public Task<string> Handle(SQSEvent evt, ILambdaContext context) =>
                _factory.CreateClient("api").GetStringAsync("https://example.com");
        }
        """);

    [Fact]
    public Task ClientsFromDependencyInjection_DoNotReport() => VerifyAsync("""
        using Amazon.Lambda.Annotations;

        public class Functions
        {
            private readonly IAmazonS3 _s3;

            public Functions(IAmazonS3 s3) => _s3 = s3;

            [LambdaFunction]
            public Task Get([FromServices] IAmazonDynamoDB ddb, ILambdaContext context) => ddb.ListTablesAsync();

            public Task Handle(SQSEvent evt, IAmazonS3 s3, ILambdaContext context) => s3.ListBucketsAsync();
        }
        """);

    [Fact]
    public Task DependencyInjectionRegistrations_DoNotReport() => VerifyAsync("""
        using Microsoft.Extensions.DependencyInjection;

        [Amazon.Lambda.Annotations.LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client());
                services.AddSingleton(new HttpClient());
            }
        }

        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var services = new ServiceCollection();
                services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
                return Task.CompletedTask;
            }
        }
        """);

    /// <summary>
    /// A scope per message: resolving a service from it on the invocation path runs that service's scoped and transient
    /// factories, and the constructor the container picks for a class registered by type (the public one with the most
    /// parameters) with its initializers and its own parameters' factories (issue 16). A transient service resolved from
    /// the root provider is built per resolution too. Factories of services the path never resolves, a convenience
    /// constructor the container does not pick, and singletons stay silent.
    /// </summary>
    [Fact]
    public Task ScopedAndTransientFactoriesResolvedPerMessage_Report() => VerifyAsync("""
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;

        public interface IOrders { Task SaveAsync(string body); }

        public class Orders : IOrders
        {
            private readonly HttpClient _http = {|LBP101:new HttpClient()|};
            private readonly IAmazonS3 _s3;

            public Orders() : this(new AmazonS3Client()) { }

            public Orders(IAmazonS3 s3) => _s3 = s3;

            public Task SaveAsync(string body) => _http.PostAsync("https://example.com", new StringContent(body));
        }

        public class Function
        {
            private readonly ServiceProvider _provider;

            public Function()
            {
                var services = new ServiceCollection();
                services.AddScoped<IAmazonS3>(_ => {|LBP101:new AmazonS3Client()|});
                services.TryAddTransient<IAmazonDynamoDB>(sp => new AmazonDynamoDBClient());
                services.AddTransient<HttpMessageInvoker>(_ => {|LBP101:new HttpClient()|});
                services.AddSingleton<HttpClient>(_ => new HttpClient());
                services.AddScoped<IOrders, Orders>();
                _provider = services.BuildServiceProvider();
            }

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var message in evt.Records)
                {
                    using var scope = _provider.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<IOrders>().SaveAsync(message.Body);
                    _ = _provider.GetRequiredService<HttpMessageInvoker>();
                    _ = _provider.GetRequiredService<HttpClient>();
                }
            }
        }
        """);

    /// <summary>
    /// Resolved per invocation from the root provider (a static property that happens to be named <c>ServiceProvider</c>,
    /// or a transient whose constructor takes a scoped service): the root builds a scoped service once, so its
    /// constructor stays silent.
    /// </summary>
    [Fact]
    public Task ScopedServicesResolvedFromTheRootProvider_DoNotReport() => VerifyAsync("""
        using Microsoft.Extensions.DependencyInjection;

        public interface IRepo { Task SaveAsync(string id); }

        public class Repo : IRepo
        {
            private readonly IAmazonDynamoDB _ddb;

            public Repo() => _ddb = new AmazonDynamoDBClient();

            public Task SaveAsync(string id) => _ddb.ListTablesAsync();
        }

        public class Worker
        {
            private readonly IRepo _repo;

            public Worker(IRepo repo) => _repo = repo;

            public Task RunAsync(string id) => _repo.SaveAsync(id);
        }

        public static class Startup
        {
            public static IServiceProvider ServiceProvider { get; } = Build();

            private static IServiceProvider Build()
            {
                var services = new ServiceCollection();
                services.AddScoped<IRepo, Repo>();
                services.AddTransient<Worker>();
                return services.BuildServiceProvider();
            }
        }

        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await Startup.ServiceProvider.GetRequiredService<IRepo>().SaveAsync(evt.Records[0].MessageId);
                await Startup.ServiceProvider.GetRequiredService<Worker>().RunAsync(evt.Records[0].MessageId);
            }
        }
        """);

    /// <summary>
    /// Without a scope or a resolution on the invocation path (the services resolved once, at init), scoped and transient
    /// factories run once: silent.
    /// </summary>
    [Fact]
    public Task ScopedAndTransientFactoriesResolvedAtInit_DoNotReport() => VerifyAsync("""
        using Microsoft.Extensions.DependencyInjection;

        public class Function
        {
            private readonly IAmazonS3 _s3;
            private readonly IAmazonDynamoDB _ddb;

            public Function()
            {
                var services = new ServiceCollection();
                services.AddScoped<IAmazonS3>(_ => new AmazonS3Client());
                services.AddTransient<IAmazonDynamoDB>(sp => new AmazonDynamoDBClient());
                var provider = services.BuildServiceProvider();
                using var scope = provider.CreateScope();
                _s3 = scope.ServiceProvider.GetRequiredService<IAmazonS3>();
                _ddb = provider.GetRequiredService<IAmazonDynamoDB>();
            }

            public Task Handle(SQSEvent evt, ILambdaContext context) => Task.WhenAll(_s3.ListBucketsAsync(), _ddb.ListTablesAsync());
        }
        """);

    /// <summary>
    /// A per-invocation object whose constructor builds a client (<c>new PagerClient()</c> in the handler), and a
    /// repository reached through an interface: both build a client per invocation.
    /// </summary>
    [Fact]
    public Task ClientsInPerInvocationObjectsAndInterfaceServices_Report() => VerifyAsync("""
        public class PagerClient
        {
            private readonly HttpClient _http;

            public PagerClient() => _http = {|LBP101:new HttpClient()|};

            public Task PageAsync(string text) => _http.PostAsync("https://pager.example.com", new StringContent(text));
        }

        public interface IRepository { Task SaveAsync(string id); }

        public class Repository : IRepository
        {
            public Task SaveAsync(string id)
            {
                var ddb = {|LBP101:new AmazonDynamoDBClient()|};
                return ddb.ListTablesAsync();
            }
        }

        public class Function
        {
            private readonly IRepository _repository;

            public Function(IRepository repository) => _repository = repository;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                await new PagerClient().PageAsync("received");
                await _repository.SaveAsync(evt.Records[0].MessageId);
            }
        }
        """);

    [Fact]
    public async Task TopLevelStatementsBeforeRunAsync_DoNotReport()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using Amazon.S3;

                var s3 = new AmazonS3Client();
                using var http = new HttpClient();

                var handler = async (string input, ILambdaContext context) =>
                {
                    await s3.ListBucketsAsync();
                    return input;
                };

                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public Task NonClientTypes_DoNotReport() => VerifyAsync("""
        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                var config = new AmazonS3Config { ServiceURL = "http://localhost:4566" };
                var request = new Amazon.S3.Model.PutObjectRequest { Key = "k" };
                var handler = new HttpClientHandler();
            }
        }
        """);

    [Fact]
    public Task ParameterNamedContextOfAnotherType_DoesNotReport() => VerifyAsync("""
        public class Worker
        {
            public void Run(string input, object context)
            {
                var s3 = new AmazonS3Client();
            }
        }
        """);

    [Fact]
    public Task NotALambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using Amazon.S3;

        public class Worker
        {
            public void Handle(string input)
            {
                var s3 = new AmazonS3Client();
                using var http = new HttpClient();
            }
        }
        """, Stubs.None);

    [Fact]
    public Task AbstractHandlerContract_WithoutBody_DoesNotThrow() => VerifyAsync("""
        public interface IHandler { Task Handle(SQSEvent evt, ILambdaContext context); }

        public abstract class HandlerBase : IHandler
        {
            public abstract Task Handle(SQSEvent evt, ILambdaContext context);
        }

        public class Function : HandlerBase
        {
            public override Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                return Task.CompletedTask;
            }
        }
        """);

    // ---- broken and incomplete code ----

    [Fact]
    public async Task SyntaxErrors_DoNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    public void Handle(SQSEvent evt, ILambdaContext context)
                    {
                        var s3 = {|LBP101:new AmazonS3Client()|}{|CS1002:|}
                        var x = new AmazonS3Client({|CS1026:|}{|CS1002:|}
                    }
                }
                """,
        };

        // An unfinished constructor call still names the client the user is creating.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP101_CreateSdkClientsOnce).WithSpan(19, 17, 20, 1).WithArguments("AmazonS3Client"));
        await test.RunAsync();
    }

    [Fact]
    public async Task UnresolvedTypes_DoNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    public void Handle(SQSEvent evt, ILambdaContext context)
                    {
                        var s3 = new {|CS0246:AmazonMissingClient|}();
                        var other = {|CS0103:Unknown|}.Create();
                        {|CS0103:Helper|}(evt);
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task MissingLambdaReferences_DoNotReport()
    {
        var test = new Verify.Test
        {
            Stubs = Stubs.None,
            TestCode = """
                using Amazon.S3;

                public class Function
                {
                    public void Handle(string evt, {|CS0246:ILambdaContext|} context)
                    {
                        var s3 = new AmazonS3Client();
                    }
                }
                """,
        };
        await test.RunAsync();
    }
}
