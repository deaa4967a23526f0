using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LambdaBestPractices.Analyzers.Rules.LBP101CreateClientsOnceRule,
    LambdaBestPractices.Analyzers.CodeFixes.LBP101CreateClientsOnceCodeFixProvider>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP101CreateClientsOnceCodeFixProviderTests
{
    private const string Usings = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.DynamoDBv2;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.S3;

        """;

    private static Task VerifyFixAsync(string source, string fixedSource, string? key = LBP101CreateClientsOnceCodeFixProvider.EquivalenceKey) =>
        Verify.VerifyCodeFixAsync(Usings + source, Usings + fixedSource, key);

    [Fact]
    public Task VarLocal_MovesToStaticFieldAndKeepsComments() => VerifyFixAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                // One client for the whole function
                var s3 = {|LBP101:new AmazonS3Client()|}; // S3 in the function's region

                // List what is there
                await s3.ListBucketsAsync();
            }
        }
        """, """
        public class Function
        {
            // One client for the whole function
            private static readonly AmazonS3Client S3 = new AmazonS3Client(); // S3 in the function's region

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                // List what is there
                await S3.ListBucketsAsync();
            }
        }
        """);

    /// <summary>A third-party client (issue 16) moves to a static field like an SDK client.</summary>
    [Fact]
    public Task ThirdPartyClient_MovesToStaticField() => VerifyFixAsync("""
        namespace RestSharp { public class RestClient { public RestClient(string baseUrl) { } public string Get() => ""; } }

        public class Function
        {
            public string Handle(SQSEvent evt, ILambdaContext context)
            {
                var api = {|LBP101:new RestSharp.RestClient("https://api.example.com")|};
                return api.Get();
            }
        }
        """, """
        namespace RestSharp { public class RestClient { public RestClient(string baseUrl) { } public string Get() => ""; } }

        public class Function
        {
            private static readonly RestSharp.RestClient Api = new RestSharp.RestClient("https://api.example.com");

            public string Handle(SQSEvent evt, ILambdaContext context)
            {
                return Api.Get();
            }
        }
        """);

    [Fact]
    public Task DeclaredInterfaceType_FieldTakesTheLocalsType() => VerifyFixAsync("""
        public class Function
        {
            private const string Region = "eu-west-1";

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                IAmazonS3 s3Client = {|LBP101:new AmazonS3Client(RegionEndpoint.GetBySystemName(Region))|};
                return s3Client.ListBucketsAsync();
            }
        }
        """, """
        public class Function
        {
            private const string Region = "eu-west-1";
            private static readonly IAmazonS3 S3Client = new AmazonS3Client(RegionEndpoint.GetBySystemName(Region));

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                return S3Client.ListBucketsAsync();
            }
        }
        """);

    [Fact]
    public Task UsingDeclaration_IsRemoved() => VerifyFixAsync("""
        public class Function
        {
            public async Task<string> Handle(SQSEvent evt, ILambdaContext context)
            {
                using var http = {|LBP101:new HttpClient()|};
                return await http.GetStringAsync("https://example.com");
            }
        }
        """, """
        public class Function
        {
            private static readonly HttpClient Http = new HttpClient();

            public async Task<string> Handle(SQSEvent evt, ILambdaContext context)
            {
                return await Http.GetStringAsync("https://example.com");
            }
        }
        """);

    [Fact]
    public Task UsingStatement_IsUnwrapped() => VerifyFixAsync("""
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                using (var s3 = {|LBP101:new AmazonS3Client()|})
                { // talk to S3
                    await s3.ListBucketsAsync();
                    // done
                }

                await Task.CompletedTask;
            }
        }
        """, """
        public class Function
        {
            private static readonly AmazonS3Client S3 = new AmazonS3Client();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                // talk to S3
                await S3.ListBucketsAsync();
                // done

                await Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task TargetTypedNew_KeepsTheDeclaredType() => VerifyFixAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                AmazonDynamoDBClient ddb = {|LBP101:new()|};
                return ddb.ListTablesAsync();
            }
        }
        """, """
        public class Function
        {
            private static readonly AmazonDynamoDBClient Ddb = new();

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                return Ddb.ListTablesAsync();
            }
        }
        """);

    [Fact]
    public Task ExpressionWithoutLocal_BecomesFieldReference() => VerifyFixAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context) =>
                {|LBP101:new AmazonS3Client()|}.ListBucketsAsync();
        }
        """, """
        public class Function
        {
            private static readonly AmazonS3Client S3Client = new AmazonS3Client();

            public Task Handle(SQSEvent evt, ILambdaContext context) =>
                S3Client.ListBucketsAsync();
        }
        """);

    [Fact]
    public Task NameClash_GetsAUniqueName() => VerifyFixAsync("""
        public class Function
        {
            private string S3 { get; } = "taken";

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                return s3.ListBucketsAsync();
            }
        }
        """, """
        public class Function
        {
            private static readonly AmazonS3Client SharedS3 = new AmazonS3Client();

            private string S3 { get; } = "taken";

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                return SharedS3.ListBucketsAsync();
            }
        }
        """);

    [Fact]
    public Task ArgumentsUseInstanceState_InitializesInConstructor() => VerifyFixAsync("""
        public class Function
        {
            private readonly RegionEndpoint _region;

            public Function(RegionEndpoint region)
            {
                _region = region;
            }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client(_region)|};
                return s3.ListBucketsAsync();
            }
        }
        """, """
        public class Function
        {
            private readonly RegionEndpoint _region;
            private readonly AmazonS3Client _s3;

            public Function(RegionEndpoint region)
            {
                _region = region;
                _s3 = new AmazonS3Client(_region);
            }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                return _s3.ListBucketsAsync();
            }
        }
        """, LBP101CreateClientsOnceCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task ArgumentsUseInstanceStateWithoutConstructor_AddsOne() => VerifyFixAsync("""
        public class Function
        {
            private RegionEndpoint Region { get; } = RegionEndpoint.USEast1;

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client(Region)|};
                return s3.ListBucketsAsync();
            }
        }
        """, """
        public class Function
        {
            private readonly AmazonS3Client _s3;

            public Function()
            {
                _s3 = new AmazonS3Client(Region);
            }

            private RegionEndpoint Region { get; } = RegionEndpoint.USEast1;

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                return _s3.ListBucketsAsync();
            }
        }
        """, LBP101CreateClientsOnceCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task DynamoDBContextBuilder_NoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        using Amazon.DynamoDBv2.DataModel;

        public class Function
        {
            private static readonly IAmazonDynamoDB Ddb = new AmazonDynamoDBClient();

            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                // The call chain builds the context; the fix moves creations only.
                var service = new Service({|LBP101:new DynamoDBContextBuilder().WithDynamoDBClient(() => Ddb).Build()|});
            }
        }

        public class Service
        {
            public Service(IDynamoDBContext db) { }
        }
        """);

    /// <summary>A client from a static factory (ConnectionMultiplexer.Connect) is reported, but the fix moves creations only.</summary>
    [Fact]
    public Task StaticFactoryClient_NoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        namespace StackExchange.Redis
        {
            public class ConnectionMultiplexer { public static ConnectionMultiplexer Connect(string configuration) => new(); }
        }

        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                var redis = {|LBP101:StackExchange.Redis.ConnectionMultiplexer.Connect("cache:6379")|};
            }
        }
        """);

    [Fact]
    public Task PragmaInTheMember_NoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        using Amazon.DynamoDBv2.DataModel;

        public class Function
        {
            private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();

            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                // Moving the obsolete constructor out of the pragma's reach would raise CS0618 where the field lands.
        #pragma warning disable CS0618
                var db = {|LBP101:new DynamoDBContext(_ddb)|};
        #pragma warning restore CS0618
            }
        }
        """);

    [Fact]
    public Task FixAll_TrailingThenLeadingComments_KeepTheirLines() => VerifyFixAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var first = {|LBP101:new AmazonS3Client()|}; // first
                // second
                var second = {|LBP101:new AmazonS3Client(RegionEndpoint.EUWest1)|};
                return Task.WhenAll(first.ListBucketsAsync(), second.ListBucketsAsync());
            }
        }
        """, """
        public class Function
        {
            private static readonly AmazonS3Client First = new AmazonS3Client(); // first

            // second
            private static readonly AmazonS3Client Second = new AmazonS3Client(RegionEndpoint.EUWest1);

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                return Task.WhenAll(First.ListBucketsAsync(), Second.ListBucketsAsync());
            }
        }
        """);

    [Fact]
    public Task ArgumentsUseParameter_NoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client(RegionEndpoint.GetBySystemName(evt.Records[0].AwsRegion))|};
                return s3.ListBucketsAsync();
            }
        }
        """);

    /// <summary>
    /// A client built per call by a factory delegate from its argument (AWS's WebSocket blueprint): one client per
    /// argument value, cached in a static <c>ConcurrentDictionary</c> keyed by it; the factory's parameter gets a name of
    /// its own inside the value factory (issue 16).
    /// </summary>
    [Fact]
    public Task FactoryDelegateUsesItsArgument_CachesOneClientPerKey() => VerifyFixAsync("""
        public class Function
        {
            private readonly System.Func<string, IAmazonS3> _clientFactory =
                endpoint => {|LBP101:new AmazonS3Client(new AmazonS3Config { ServiceURL = endpoint })|};

            public System.Func<string, AmazonS3Client> ClientFactory { get; }

            public Function()
            {
                ClientFactory = (System.Func<string, AmazonS3Client>)((endpoint) =>
                {
                    // the blueprint's shape
                    return {|LBP101:new AmazonS3Client(new AmazonS3Config
                    {
                        ServiceURL = endpoint,
                    })|};
                });
            }

            public Task Handle(SQSEvent evt, ILambdaContext context) =>
                Task.WhenAll(_clientFactory(evt.Records[0].Body).ListBucketsAsync(), ClientFactory(evt.Records[0].Body).ListBucketsAsync());
        }
        """, """
        public class Function
        {
            private readonly System.Func<string, IAmazonS3> _clientFactory =
                endpoint => S3ClientsByEndpoint.GetOrAdd(endpoint, key => new AmazonS3Client(new AmazonS3Config { ServiceURL = key }));
            private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IAmazonS3> S3ClientsByEndpoint = new System.Collections.Concurrent.ConcurrentDictionary<string, IAmazonS3>();
            private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, AmazonS3Client> SharedS3ClientsByEndpoint = new System.Collections.Concurrent.ConcurrentDictionary<string, AmazonS3Client>();

            public System.Func<string, AmazonS3Client> ClientFactory { get; }

            public Function()
            {
                ClientFactory = (System.Func<string, AmazonS3Client>)((endpoint) =>
                {
                    // the blueprint's shape
                    return SharedS3ClientsByEndpoint.GetOrAdd(endpoint, key => new AmazonS3Client(new AmazonS3Config
                    {
                        ServiceURL = key,
                    }));
                });
            }

            public Task Handle(SQSEvent evt, ILambdaContext context) =>
                Task.WhenAll(_clientFactory(evt.Records[0].Body).ListBucketsAsync(), ClientFactory(evt.Records[0].Body).ListBucketsAsync());
        }
        """);

    /// <summary>Per key, in an instance field when the creation reads instance state.</summary>
    [Fact]
    public Task FactoryDelegateReadingInstanceState_CachesInAnInstanceField() => VerifyFixAsync("""
        public class Function
        {
            private readonly string _proxy = "http://proxy";
            private readonly System.Func<RegionEndpoint, IAmazonS3> _byRegion;

            public Function()
            {
                _byRegion = region => {|LBP101:new AmazonS3Client(new AmazonS3Config { RegionEndpoint = region, ProxyHost = _proxy })|};
            }

            public Task Handle(SQSEvent evt, ILambdaContext context) => _byRegion(RegionEndpoint.EUWest1).ListBucketsAsync();
        }
        """, """
        public class Function
        {
            private readonly string _proxy = "http://proxy";
            private readonly System.Func<RegionEndpoint, IAmazonS3> _byRegion;
            private readonly System.Collections.Concurrent.ConcurrentDictionary<RegionEndpoint, IAmazonS3> _s3ClientsByRegion = new System.Collections.Concurrent.ConcurrentDictionary<RegionEndpoint, IAmazonS3>();

            public Function()
            {
                _byRegion = region => _s3ClientsByRegion.GetOrAdd(region, key => new AmazonS3Client(new AmazonS3Config { RegionEndpoint = key, ProxyHost = _proxy }));
            }

            public Task Handle(SQSEvent evt, ILambdaContext context) => _byRegion(RegionEndpoint.EUWest1).ListBucketsAsync();
        }
        """);

    /// <summary>
    /// No per-key fix when the key has no value equality (a config object: a new one per call would miss the cache), when
    /// the factory does more than build the client, or when it has two parameters.
    /// </summary>
    [Fact]
    public Task FactoryDelegatesThatCannotBeCachedByKey_NoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            private readonly System.Func<AmazonS3Config, IAmazonS3> _byConfig = config => {|LBP101:new AmazonS3Client(config)|};
            private readonly System.Func<string, string, IAmazonS3> _byTwo = (endpoint, region) => {|LBP101:new AmazonS3Client(new AmazonS3Config { ServiceURL = endpoint, AuthenticationRegion = region })|};
            private readonly System.Func<string, IAmazonS3> _logged = endpoint =>
            {
                System.Console.WriteLine(endpoint);
                return {|LBP101:new AmazonS3Client(new AmazonS3Config { ServiceURL = endpoint })|};
            };

            public Task Handle(SQSEvent evt, ILambdaContext context) =>
                Task.WhenAll(_byConfig(new AmazonS3Config()).ListBucketsAsync(), _byTwo("a", "b").ListBucketsAsync(), _logged("x").ListBucketsAsync());
        }
        """);

    /// <summary>
    /// No per-key fix when a caller disposes what the factory returns (a cached client would reach the next invocation
    /// disposed), or when the key may be null (<c>GetOrAdd(null, ...)</c> throws).
    /// </summary>
    [Fact]
    public Task FactoryDelegateWhoseClientsAreDisposedOrKeyedByNullable_NoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        #nullable enable
        public class Function
        {
            private readonly System.Func<string, IAmazonS3> _using = endpoint => {|LBP101:new AmazonS3Client(new AmazonS3Config { ServiceURL = endpoint })|};
            private readonly System.Func<string, IAmazonS3> _disposed = endpoint => {|LBP101:new AmazonS3Client(new AmazonS3Config { ServiceURL = endpoint })|};
            private readonly System.Func<string?, IAmazonS3> _nullable = endpoint => {|LBP101:new AmazonS3Client(new AmazonS3Config { ServiceURL = endpoint })|};

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                using var s3 = _using(evt.Records[0].Body);
                await s3.ListBucketsAsync();
                var other = _disposed.Invoke("x");
                await other.ListBucketsAsync();
                other.Dispose();
                await _nullable(null).ListBucketsAsync();
            }
        }
        """);

    /// <summary>An object initializer's implied receiver is not instance state: the client goes to a static field.</summary>
    [Fact]
    public Task ConfigInitializer_MovesToStaticField() => VerifyFixAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client(new AmazonS3Config { ForcePathStyle = true })|};
                return s3.ListBucketsAsync();
            }
        }
        """, """
        public class Function
        {
            private static readonly AmazonS3Client S3 = new AmazonS3Client(new AmazonS3Config { ForcePathStyle = true });

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                return S3.ListBucketsAsync();
            }
        }
        """);

    [Fact]
    public Task ArgumentsUseLocal_NoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var config = new AmazonS3Config { ForcePathStyle = true };
                var s3 = {|LBP101:new AmazonS3Client(config)|};
                return s3.ListBucketsAsync();
            }
        }
        """);

    [Fact]
    public Task LocalDisposedExplicitly_NoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                await s3.ListBucketsAsync();
                s3.Dispose();
            }
        }
        """);

    [Fact]
    public Task FixAll_InDocument_OneFieldPerClientAndNoClashes() => VerifyFixAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                var ddb = {|LBP101:new AmazonDynamoDBClient()|};
                return s3.ListBucketsAsync();
            }

            public Task HandleOther(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                return s3.ListBucketsAsync();
            }

            public Task HandleThird(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client(RegionEndpoint.USEast1)|};
                return s3.ListBucketsAsync();
            }
        }
        """, """
        public class Function
        {
            private static readonly AmazonS3Client S3 = new AmazonS3Client();
            private static readonly AmazonDynamoDBClient Ddb = new AmazonDynamoDBClient();
            private static readonly AmazonS3Client SharedS3 = new AmazonS3Client(RegionEndpoint.USEast1);

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                return S3.ListBucketsAsync();
            }

            public Task HandleOther(SQSEvent evt, ILambdaContext context)
            {
                return S3.ListBucketsAsync();
            }

            public Task HandleThird(SQSEvent evt, ILambdaContext context)
            {
                return SharedS3.ListBucketsAsync();
            }
        }
        """);

    [Fact]
    public Task FixAll_EachSiteGetsItsOwnForm() => VerifyFixAsync("""
        public class Function
        {
            private readonly RegionEndpoint _region;

            public Function(RegionEndpoint region)
            {
                _region = region;
            }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var s3 = {|LBP101:new AmazonS3Client()|};
                var regional = {|LBP101:new AmazonS3Client(_region)|};
                return Task.WhenAll(s3.ListBucketsAsync(), regional.ListBucketsAsync());
            }
        }
        """, """
        public class Function
        {
            private readonly RegionEndpoint _region;
            private static readonly AmazonS3Client S3 = new AmazonS3Client();
            private readonly AmazonS3Client _regional;

            public Function(RegionEndpoint region)
            {
                _region = region;
                _regional = new AmazonS3Client(_region);
            }

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                return Task.WhenAll(S3.ListBucketsAsync(), _regional.ListBucketsAsync());
            }
        }
        """);

    [Fact]
    public async Task FixAll_InSolution_FixesEveryDocument()
    {
        var test = new Verify.Test { CodeActionEquivalenceKey = LBP101CreateClientsOnceCodeFixProvider.EquivalenceKey };
        test.TestState.Sources.Add(("A.cs", Usings + """
            public class A
            {
                public Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    var s3 = {|LBP101:new AmazonS3Client()|};
                    return s3.ListBucketsAsync();
                }
            }
            """));
        test.TestState.Sources.Add(("B.cs", Usings + """
            public class B
            {
                public Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    var s3 = {|LBP101:new AmazonS3Client()|};
                    return s3.ListBucketsAsync();
                }
            }
            """));
        test.FixedState.Sources.Add(("A.cs", Usings + """
            public class A
            {
                private static readonly AmazonS3Client S3 = new AmazonS3Client();

                public Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    return S3.ListBucketsAsync();
                }
            }
            """));
        test.FixedState.Sources.Add(("B.cs", Usings + """
            public class B
            {
                private static readonly AmazonS3Client S3 = new AmazonS3Client();

                public Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    return S3.ListBucketsAsync();
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_PartialClassAcrossFiles_NoClashes()
    {
        var test = new Verify.Test { CodeActionEquivalenceKey = LBP101CreateClientsOnceCodeFixProvider.EquivalenceKey };
        test.TestState.Sources.Add(("A.cs", Usings + """
            public partial class Function
            {
                public Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    var s3 = {|LBP101:new AmazonS3Client()|};
                    return s3.ListBucketsAsync();
                }
            }
            """));
        test.TestState.Sources.Add(("B.cs", Usings + """
            public partial class Function
            {
                public Task HandleOther(SQSEvent evt, ILambdaContext context)
                {
                    var s3 = {|LBP101:new AmazonS3Client(RegionEndpoint.EUWest1)|};
                    return s3.ListBucketsAsync();
                }
            }
            """));
        test.FixedState.Sources.Add(("A.cs", Usings + """
            public partial class Function
            {
                private static readonly AmazonS3Client S3 = new AmazonS3Client();

                public Task Handle(SQSEvent evt, ILambdaContext context)
                {
                    return S3.ListBucketsAsync();
                }
            }
            """));
        test.FixedState.Sources.Add(("B.cs", Usings + """
            public partial class Function
            {
                private static readonly AmazonS3Client SharedS3 = new AmazonS3Client(RegionEndpoint.EUWest1);

                public Task HandleOther(SQSEvent evt, ILambdaContext context)
                {
                    return SharedS3.ListBucketsAsync();
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task TopLevelHandler_MovesTheClientBeforeTheHandler()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using Amazon.S3;

                var region = RegionEndpoint.USEast1;

                // The function
                var handler = async (string input, ILambdaContext context) =>
                {
                    // S3 for this function
                    using var s3 = {|LBP101:new AmazonS3Client(region)|};
                    await s3.ListBucketsAsync();
                    return input;
                };

                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
            FixedCode = """
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;
                using Amazon.S3;

                var region = RegionEndpoint.USEast1;

                // S3 for this function
                var s3 = new AmazonS3Client(region);

                // The function
                var handler = async (string input, ILambdaContext context) =>
                {
                    await s3.ListBucketsAsync();
                    return input;
                };

                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
            CodeActionEquivalenceKey = LBP101CreateClientsOnceCodeFixProvider.EquivalenceKey,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task TopLevelHandler_ArgumentsUseLambdaParameter_NoFix()
    {
        var source = """
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;
            using Amazon.S3;

            var handler = async (string region, ILambdaContext context) =>
            {
                var s3 = {|LBP101:new AmazonS3Client(RegionEndpoint.GetBySystemName(region))|};
                await s3.ListBucketsAsync();
                return region;
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }
}
