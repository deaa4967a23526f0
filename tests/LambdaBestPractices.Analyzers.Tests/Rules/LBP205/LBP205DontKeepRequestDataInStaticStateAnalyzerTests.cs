using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.TestReferences;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP205DontKeepRequestDataInStaticStateRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP205DontKeepRequestDataInStaticStateAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Diagnostics.Metrics;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Annotations.APIGateway;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.S3;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult Kept(int location, string data, string where) =>
        Verify.Diagnostic(Descriptors.LBP205_DontKeepRequestDataInStaticState).WithLocation(location).WithArguments(data, where);

    private static DiagnosticResult KeptAtEnd(int location, string data, string where) =>
        Verify.Diagnostic(Descriptors.LBP205_DontKeepRequestDataInStaticState_CrossType).WithLocation(location).WithArguments(data, where);

    // ---- flagged ----

    [Fact]
    public Task RequestDataWrittenToStaticFieldsAndProperties_Report() => VerifyAsync("""
        public class Function
        {
            private static string? s_lastUser;
            private static string? s_firstCaller;
            private static string s_trail = "";
            private static ILambdaContext? s_context;

            public static string? CurrentRequestId { get; private set; }

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                {|#0:s_lastUser = request.RequestContext.Identity.User|};
                {|#1:s_firstCaller ??= request.Headers["X-Caller"]|};
                {|#2:s_trail += request.Path|};
                {|#3:CurrentRequestId = context.AwsRequestId|};
                {|#4:s_context = context|};
                return new APIGatewayProxyResponse { StatusCode = 200 };
            }
        }
        """,
        Kept(0, "request.RequestContext.Identity.User", "static 'Function.s_lastUser'"),
        Kept(1, "request.Headers[\"X-Caller\"]", "static 'Function.s_firstCaller'"),
        Kept(2, "request.Path", "static 'Function.s_trail'"),
        Kept(3, "context.AwsRequestId", "static 'Function.CurrentRequestId'"),
        Kept(4, "context", "static 'Function.s_context'"));

    [Fact]
    public Task RequestDataAddedToStaticCollections_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly HashSet<string> s_seen = new();
            private static readonly Dictionary<string, string> s_bodies = new();
            private static readonly ConcurrentQueue<SQSEvent.SQSMessage> s_backlog = new();
            private static readonly StringBuilder s_log = new();

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var message in evt.Records)
                {
                    {|#0:s_seen.Add(message.MessageId)|};
                    {|#1:s_bodies[message.MessageId] = message.Body|};
                    {|#2:s_backlog.Enqueue(message)|};
                    {|#3:s_log.AppendLine(message.Body.Trim())|};
                }

                return Task.CompletedTask;
            }
        }
        """,
        Kept(0, "message.MessageId", "static 'Function.s_seen'"),
        Kept(1, "message.Body", "static 'Function.s_bodies'"),
        Kept(2, "message", "static 'Function.s_backlog'"),
        Kept(3, "message.Body.Trim()", "static 'Function.s_log'"));

    [Fact]
    public Task RequestDataSetOnASharedHttpClient_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly HttpClient s_http = new();

            public async Task<APIGatewayProxyResponse> Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                {|#0:s_http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", request.Headers["Authorization"])|};
                var tenant = request.PathParameters["tenant"];
                {|#1:s_http.DefaultRequestHeaders.Add("X-Tenant", tenant)|};
                var body = await s_http.GetStringAsync("https://partner.example.com/orders");
                return new APIGatewayProxyResponse { StatusCode = 200, Body = body };
            }
        }
        """,
        Kept(0, "request.Headers[\"Authorization\"]", "static 'Function.s_http'"),
        Kept(1, "request.PathParameters[\"tenant\"]", "static 'Function.s_http'"));

    [Fact]
    public Task ParsedEventAndPocoInput_Report() => VerifyAsync("""
        public record Order(string Id, string Customer);

        public class Function
        {
            private static Order? s_lastOrder;
            private static Order? s_lastParsed;

            public Task Handle(Order order, ILambdaContext context)
            {
                {|#0:s_lastOrder = order|};
                return Task.CompletedTask;
            }

            public Task HandleQueue(SQSEvent evt, ILambdaContext context)
            {
                var record = evt.Records[0];
                var parsed = JsonSerializer.Deserialize<Order>(record.Body);
                {|#1:s_lastParsed = parsed|};
                return Task.CompletedTask;
            }
        }
        """,
        Kept(0, "order", "static 'Function.s_lastOrder'"),
        Kept(1, "JsonSerializer.Deserialize<Order>(record.Body)", "static 'Function.s_lastParsed'"));

    [Fact]
    public Task AnnotationsFunctionInput_Reports() => VerifyAsync("""
        public record Order(string Id);

        public interface IOrderStore { Task SaveAsync(Order order); }

        public class Functions
        {
            private static Order? s_lastOrder;
            private static IOrderStore? s_store;

            [LambdaFunction]
            [HttpApi(LambdaHttpMethod.Post, "/orders")]
            public async Task Save([FromBody] Order order, [FromServices] IOrderStore store)
            {
                {|#0:s_lastOrder = order|};
                s_store = store;
                await store.SaveAsync(order);
            }
        }
        """,
        Kept(0, "order", "static 'Functions.s_lastOrder'"));

    [Fact]
    public Task StaticStateOfAHelperInAnotherType_ReportsAtCompilationEnd() => VerifyAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var message in evt.Records)
                {
                    Audit.Remember(message);
                }

                return Task.CompletedTask;
            }
        }

        public static class Audit
        {
            private static readonly List<string> s_bodies = new();

            public static string? Last { get; private set; }

            public static void Remember(SQSEvent.SQSMessage message)
            {
                {|#0:Last = message.Body|};
                {|#1:s_bodies.Add($"{message.MessageId}: {message.Body}")|};
            }
        }
        """,
        KeptAtEnd(0, "message.Body", "static 'Audit.Last'"),
        KeptAtEnd(1, "message.MessageId", "static 'Audit.s_bodies'"));

    [Fact]
    public Task MemberOfADiSingleton_ReportsAtCompilationEnd() => VerifyAsync("""
        public class RequestState
        {
            private string? _requestId;

            public string? User { get; set; }

            public void Begin(ILambdaContext context) => {|#1:_requestId = context.AwsRequestId|};
        }

        public static class Startup
        {
            public static IServiceProvider Build()
            {
                var services = new ServiceCollection();
                services.AddSingleton<RequestState>();
                return services.BuildServiceProvider();
            }
        }

        public class Function
        {
            private readonly RequestState _state = Startup.Build().GetRequiredService<RequestState>();

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                _state.Begin(context);
                {|#0:_state.User = request.RequestContext.Identity.User|};
                return new APIGatewayProxyResponse { StatusCode = 200 };
            }
        }
        """,
        KeptAtEnd(1, "context.AwsRequestId", "the DI singleton 'RequestState'"),
        KeptAtEnd(0, "request.RequestContext.Identity.User", "the DI singleton 'RequestState'"));

    [Fact]
    public Task RequestDataAsTheKeyOfAStaticCollection_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly ConcurrentDictionary<string, bool> s_seen = new();
            private static readonly Dictionary<string, DateTime> s_when = new();

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var message in evt.Records)
                {
                    {|#0:s_seen.TryAdd(message.MessageId, true)|};
                    {|#1:s_when[message.MessageId] = DateTime.UtcNow|};
                }

                return Task.CompletedTask;
            }
        }
        """,
        Kept(0, "message.MessageId", "static 'Function.s_seen'"),
        Kept(1, "message.MessageId", "static 'Function.s_when'"));

    [Fact]
    public Task ItemsStoredWithACancellationToken_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly BlockingCollection<string> s_pending = new();

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                foreach (var message in evt.Records)
                {
                    {|#0:s_pending.Add(message.Body, CancellationToken.None)|};
                }

                return Task.CompletedTask;
            }
        }
        """,
        Kept(0, "message.Body", "static 'Function.s_pending'"));

    [Fact]
    public Task ConditionalAccessAndStringsRebuiltWithRequestData_Report() => VerifyAsync("""
        public class Function
        {
            private static List<string>? s_bodies = new();
            private static string s_trail = "";

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                {|#0:s_bodies?.Add(evt.Records[0].Body)|};
                {|#1:s_trail = s_trail.Insert(0, evt.Records[0].MessageId)|};
                return Task.CompletedTask;
            }
        }
        """,
        Kept(0, "evt.Records[0].Body", "static 'Function.s_bodies'"),
        Kept(1, "s_trail.Insert(0, evt.Records[0].MessageId)", "static 'Function.s_trail'"));

    // ---- silent look-alikes ----

    [Fact]
    public Task NewValuesMadeFromStaticState_AreLeftAlone_Append() => VerifyAsync("""
        public class Function
        {
            private static readonly string[] s_baseScopes = { "openid", "profile" };

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                var scopes = string.Join(" ", s_baseScopes.Append(request.QueryStringParameters["scope"]));
                return new APIGatewayProxyResponse { StatusCode = 200, Body = scopes };
            }
        }
        """);

    [Fact]
    public Task NewValuesMadeFromStaticState_AreLeftAlone_ImmutableAdd() => VerifyAsync("""
        public class Function
        {
            private static readonly ImmutableList<string> s_defaults = ImmutableList.Create("a");

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                var all = s_defaults.Add(request.Path);
                return new APIGatewayProxyResponse { StatusCode = 200, Body = string.Join(",", all) };
            }
        }
        """);

    // ---- misses: expected to report; a pass-with-no-diagnostic failure shows a miss ----

    [Fact]
    public Task StaticAccessorOverAsyncLocal_IsLeftAlone() => VerifyAsync("""
        public static class RequestScope
        {
            private static readonly AsyncLocal<string?> s_user = new();

            public static string? User
            {
                get => s_user.Value;
                set => s_user.Value = value;
            }
        }

        public class Function
        {
            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                RequestScope.User = request.RequestContext.Identity.User;
                return new APIGatewayProxyResponse { StatusCode = 200 };
            }
        }
        """);

    [Fact]
    public Task SingletonAccessorOverAsyncLocal_IsLeftAlone() => VerifyAsync("""
        public interface ILambdaContextAccessor { ILambdaContext? Context { get; set; } }

        public sealed class LambdaContextAccessor : ILambdaContextAccessor
        {
            private static readonly AsyncLocal<ILambdaContext?> s_current = new();

            public ILambdaContext? Context
            {
                get => s_current.Value;
                set => s_current.Value = value;
            }
        }

        public class Function
        {
            private readonly ILambdaContextAccessor _accessor;

            public Function()
            {
                var services = new ServiceCollection();
                services.AddSingleton<ILambdaContextAccessor, LambdaContextAccessor>();
                _accessor = services.BuildServiceProvider().GetRequiredService<ILambdaContextAccessor>();
            }

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                _accessor.Context = context;
                return new APIGatewayProxyResponse { StatusCode = 200 };
            }
        }
        """);

    [Fact]
    public Task MetricTags_AreLeftAlone() => VerifyAsync("""
        public class Function
        {
            private static readonly Meter s_meter = new("Orders");
            private static readonly Counter<long> s_requests = s_meter.CreateCounter<long>("requests");

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                s_requests.Add(1, new KeyValuePair<string, object?>("route", request.Resource));
                return new APIGatewayProxyResponse { StatusCode = 200 };
            }
        }
        """);

    [Fact]
    public Task HelperTakingTheContextAndSettings_IsLeftAlone() => VerifyAsync("""
        public sealed class Settings { public string Table { get; set; } = ""; }

        public class Function
        {
            private static Settings? s_settings;

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                Configure(context, new Settings { Table = Environment.GetEnvironmentVariable("TABLE") ?? "" });
                return new APIGatewayProxyResponse { StatusCode = 200 };
            }

            private static void Configure(ILambdaContext context, Settings settings)
            {
                context.Logger.LogInformation("configuring");
                s_settings ??= settings;
            }
        }
        """);

    [Fact]
    public Task AuthorizerPolicyOfConstants_IsLeftAlone() => VerifyAsync("""
        public class Function
        {
            private static APIGatewayCustomAuthorizerPolicy? s_deny;

            public APIGatewayCustomAuthorizerResponse Handle(APIGatewayCustomAuthorizerRequest request, ILambdaContext context)
            {
                s_deny ??= new APIGatewayCustomAuthorizerPolicy { Version = "2012-10-17" };
                return new APIGatewayCustomAuthorizerResponse { PrincipalID = "user", PolicyDocument = s_deny };
            }
        }
        """);


    [Fact]
    public Task CountersGaugesAndFlags_AreLeftAlone() => VerifyAsync("""
        public class Function
        {
            private static int s_invocations;
            private static long s_records;
            private static int s_lastBatchSize;
            private static bool s_sawRetry;
            private static TimeSpan s_lastRemaining;

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                s_invocations++;
                Interlocked.Add(ref s_records, evt.Records.Count);
                s_lastBatchSize = evt.Records.Count;
                s_sawRetry |= evt.Records[0].Attributes.ContainsKey("ApproximateReceiveCount");
                s_lastRemaining = context.RemainingTime;
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task CachesOfClientsAndRequestIndependentData_AreLeftAlone() => VerifyAsync("""
        public class Function
        {
            private static readonly ConcurrentDictionary<string, IAmazonS3> s_clients = new();
            private static readonly Dictionary<string, IAmazonS3> s_byRegion = new();
            private static string? s_functionName;
            private static ILambdaLogger? s_logger;
            private static string? s_table;

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var region = evt.Records[0].AwsRegion;
                var client = s_clients.GetOrAdd(region, r => new AmazonS3Client(Amazon.RegionEndpoint.GetBySystemName(r)));
                s_byRegion[region] = new AmazonS3Client();
                s_functionName = context.FunctionName;
                s_logger ??= context.Logger;
                s_table ??= Environment.GetEnvironmentVariable("TABLE_NAME");
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task AsyncLocalLocalsAndInstanceFields_AreLeftAlone() => VerifyAsync("""
        public class Function
        {
            private static readonly AsyncLocal<string?> s_requestId = new();
            private static readonly ThreadLocal<string?> s_user = new();
            private string? _lastBody;

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                s_requestId.Value = context.AwsRequestId;
                s_user.Value = evt.Records[0].Body;
                var seen = new HashSet<string>();
                var batch = new List<SQSEvent.SQSMessage>();
                foreach (var message in evt.Records)
                {
                    seen.Add(message.MessageId);
                    batch.Add(message);
                    _lastBody = message.Body;
                }

                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task InitCodeAndCodeNoHandlerReaches_AreLeftAlone() => VerifyAsync("""
        public class Function
        {
            private static string? s_stage;
            private static string? s_last;

            static Function()
            {
                s_stage = Environment.GetEnvironmentVariable("STAGE");
            }

            public Task Handle(SQSEvent evt, ILambdaContext context) => Task.CompletedTask;

            // Never called from the handler.
            public static void Replay(SQSEvent.SQSMessage message) => s_last = message.Body;
        }
        """);

    [Fact]
    public Task ScopedAndTransientServices_AreLeftAlone() => VerifyAsync("""
        public class RequestState
        {
            public string? User { get; set; }
        }

        public class Function
        {
            private readonly IServiceProvider _provider;

            public Function()
            {
                var services = new ServiceCollection();
                services.AddScoped<RequestState>();
                _provider = services.BuildServiceProvider();
            }

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                using var scope = _provider.CreateScope();
                var state = scope.ServiceProvider.GetRequiredService<RequestState>();
                state.User = request.RequestContext.Identity.User;
                return new APIGatewayProxyResponse { StatusCode = 200 };
            }
        }
        """);

    [Fact]
    public Task NewObjectsAndLocalsInASingleton_AreLeftAlone() => VerifyAsync("""
        public class Result
        {
            public string? Id { get; set; }

            public string? Caller { get; set; }
        }

        public class Function
        {
            private static readonly IServiceProvider Services = new ServiceCollection().AddSingleton<Function>().BuildServiceProvider();

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                var result = new Result { Id = request.PathParameters["id"], Caller = request.RequestContext.Identity.SourceIp };
                var copy = new Result();
                copy.Caller = result.Caller;
                copy.Id = request.Path;
                return new APIGatewayProxyResponse { StatusCode = 200, Body = JsonSerializer.Serialize(result) };
            }
        }
        """);

    [Fact]
    public Task ResponsesAndConstantsInStaticState_AreLeftAlone() => VerifyAsync("""
        public class Function
        {
            private static APIGatewayProxyResponse? s_notFound;
            private static readonly Dictionary<string, string> s_mimeTypes = new();

            public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
            {
                s_notFound ??= new APIGatewayProxyResponse { StatusCode = 404, Body = "not found" };
                s_mimeTypes[".json"] = "application/json";
                return request.Path == "/" ? new APIGatewayProxyResponse { StatusCode = 200 } : s_notFound;
            }
        }
        """);

    [Fact]
    public Task NotALambdaProject_IsLeftAlone() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public class Order { public string Id { get; set; } = ""; }

        public class Service
        {
            private static readonly List<string> s_ids = new();

            public void Handle(Order order) => s_ids.Add(order.Id);
        }
        """, Stubs.None);

    [Fact]
    public Task BrokenCode_DoesNotThrow() => VerifyAsync("""
        public class Function
        {
            private static string? s_last;
            private static readonly {|CS0246:Missing|} s_missing = new();

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                s_last = evt.Records[0].{|CS1061:Missing|} + ({|CS0246:Unknown|})evt.Records[0].Body;
                s_missing.Add(evt.{|CS1061:Nope|});
                {|CS0103:s_unknown|} = evt.Records[0].Body;
                return Task.CompletedTask;
            }
        }
        """);
}
