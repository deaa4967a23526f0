namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// Metadata names of the AWS and .NET types the analyzers match. Nested types use '+'.
/// Test stubs must declare exactly these names (a conventions test checks it).
/// </summary>
internal static class KnownTypes
{
    // Amazon.Lambda.Core
    public const string ILambdaContext = "Amazon.Lambda.Core.ILambdaContext";

    // Amazon.Lambda.Annotations
    public const string LambdaFunctionAttribute = "Amazon.Lambda.Annotations.LambdaFunctionAttribute";
    public const string SqsEventAttribute = "Amazon.Lambda.Annotations.SQS.SQSEventAttribute";
    public const string S3EventAttribute = "Amazon.Lambda.Annotations.S3.S3EventAttribute";
    public const string SnsEventAttribute = "Amazon.Lambda.Annotations.SNS.SNSEventAttribute";
    public const string DynamoDBEventAttribute = "Amazon.Lambda.Annotations.DynamoDB.DynamoDBEventAttribute";
    public const string ScheduleEventAttribute = "Amazon.Lambda.Annotations.Schedule.ScheduleEventAttribute";
    public const string HttpApiAttribute = "Amazon.Lambda.Annotations.APIGateway.HttpApiAttribute";
    public const string RestApiAttribute = "Amazon.Lambda.Annotations.APIGateway.RestApiAttribute";

    // Amazon.Lambda.RuntimeSupport (executable-assembly and top-level-statement functions)
    public const string LambdaBootstrapBuilder = "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder";
    public const string HandlerWrapper = "Amazon.Lambda.RuntimeSupport.HandlerWrapper";
    public const string LambdaBootstrapBuilderCreate = "Create";
    public const string HandlerWrapperGetHandlerWrapper = "GetHandlerWrapper";

    // Event types (the event parameter of a handler names its source)
    public const string SqsEvent = "Amazon.Lambda.SQSEvents.SQSEvent";
    public const string SnsEvent = "Amazon.Lambda.SNSEvents.SNSEvent";
    public const string S3Event = "Amazon.Lambda.S3Events.S3Event";
    public const string KinesisEvent = "Amazon.Lambda.KinesisEvents.KinesisEvent";
    public const string DynamoDBEvent = "Amazon.Lambda.DynamoDBEvents.DynamoDBEvent";
    public const string CloudWatchEvent = "Amazon.Lambda.CloudWatchEvents.CloudWatchEvent`1";
    public const string ScheduledEvent = "Amazon.Lambda.CloudWatchEvents.ScheduledEvents.ScheduledEvent";
    public const string KafkaEvent = "Amazon.Lambda.KafkaEvents.KafkaEvent";
    // Every type of these namespaces is an event of its source (requests, responses, authorizer shapes, v1 and v2).
    public static readonly string[] ApiGatewayEventsNamespaceParts = { "Amazon", "Lambda", "APIGatewayEvents" };
    public static readonly string[] ApplicationLoadBalancerEventsNamespaceParts = { "Amazon", "Lambda", "ApplicationLoadBalancerEvents" };

    // AWS SDK clients and client-like types (LBP101)
    public const string AmazonServiceClient = "Amazon.Runtime.AmazonServiceClient";
    public const string DynamoDBContext = "Amazon.DynamoDBv2.DataModel.DynamoDBContext";
    public const string TransferUtility = "Amazon.S3.Transfer.TransferUtility";

    // AWSSDK.DynamoDBv2 4.x: the DynamoDBContext constructors are obsolete; `new DynamoDBContextBuilder()...Build()` replaces them.
    public const string DynamoDBContextBuilder = "Amazon.DynamoDBv2.DataModel.DynamoDBContextBuilder";
    public const string DynamoDBContextBuilderBuild = "Build";
    public const string HttpClient = "System.Net.Http.HttpClient";

    // Init-code idioms
    public const string Lazy1 = "System.Lazy`1";
    public const string LazyInitializer = "System.Threading.LazyInitializer";

    // A value factory of a long-lived cache runs once per key: `s_clients.GetOrAdd(region, r => new AmazonS3Client(...))`.
    public const string ConcurrentDictionary2 = "System.Collections.Concurrent.ConcurrentDictionary`2";
    public const string ConcurrentDictionaryGetOrAdd = "GetOrAdd";

    // ... and so does the factory of Microsoft.Extensions.Caching.Memory's `_cache.GetOrCreate(key, entry => ...)`.
    public const string MemoryCacheExtensions = "Microsoft.Extensions.Caching.Memory.CacheExtensions";
    public const string MemoryCacheGetOrCreate = "GetOrCreate";
    public const string MemoryCacheGetOrCreateAsync = "GetOrCreateAsync";
    public static readonly string[] DependencyInjectionNamespaceParts = { "Microsoft", "Extensions", "DependencyInjection" };
    public static readonly string[] DependencyInjectionExtensionsNamespaceParts = { "Microsoft", "Extensions", "DependencyInjection", "Extensions" };

    // Regions (LBP402)
    public const string RegionEndpoint = "Amazon.RegionEndpoint";
    public const string RegionEndpointGetBySystemName = "GetBySystemName";
    public const string ClientConfig = "Amazon.Runtime.ClientConfig";
    public const string AWSConfigs = "Amazon.AWSConfigs";
    public const string RegionEndpointProperty = "RegionEndpoint";

    // AWSSDK.Lambda: invoking another function (LBP204). Matched by name and namespace, on the interface, the client or any implementation.
    public const string IAmazonLambda = "Amazon.Lambda.IAmazonLambda";
    public const string AmazonLambdaClient = "Amazon.Lambda.AmazonLambdaClient";
    public const string InvokeRequest = "Amazon.Lambda.Model.InvokeRequest";
    public const string InvocationType = "Amazon.Lambda.InvocationType";
    public const string IAmazonLambdaName = "IAmazonLambda";
    public const string AmazonLambdaClientName = "AmazonLambdaClient";
    public const string InvokeRequestName = "InvokeRequest";
    public const string InvocationTypeName = "InvocationType";
    public const string LambdaInvokeAsync = "InvokeAsync";
    public const string LambdaInvoke = "Invoke";
    public static readonly string[] LambdaSdkNamespaceParts = { "Amazon", "Lambda" };
    public static readonly string[] LambdaSdkModelNamespaceParts = { "Amazon", "Lambda", "Model" };
    public static readonly string[] LambdaCoreNamespaceParts = { "Amazon", "Lambda", "Core" };

    // Idempotent writes (LBP202)
    public const string IdempotentAttribute = "AWS.Lambda.Powertools.Idempotency.IdempotentAttribute";
    public const string DynamoDBHashKeyAttribute = "Amazon.DynamoDBv2.DataModel.DynamoDBHashKeyAttribute";

    // LBP401: `[DynamoDBTable("Orders")]` names the table of a model saved or loaded through DynamoDBContext.
    public const string DynamoDBTableAttribute = "Amazon.DynamoDBv2.DataModel.DynamoDBTableAttribute";
    public const string DynamoDBRangeKeyAttribute = "Amazon.DynamoDBv2.DataModel.DynamoDBRangeKeyAttribute";

    // .NET types the security rules match (LBP301)
    public const string EnvironmentType = "System.Environment";
    public const string ConvertType = "System.Convert";
    public const string MemoryStreamType = "System.IO.MemoryStream";
    public const string TimeSpanType = "System.TimeSpan";

    // .NET types LBP103 matches: `Thread.Sleep`, `Task.Delay`.
    public const string ThreadType = "System.Threading.Thread";
    public const string TaskType = "System.Threading.Tasks.Task";

    // LBP203: the awaitables whose discard leaves work running, and the thread pool's queue.
    public static readonly string[] TaskLikeTypes =
    {
        "System.Threading.Tasks.Task",
        "System.Threading.Tasks.Task`1",
        "System.Threading.Tasks.ValueTask",
        "System.Threading.Tasks.ValueTask`1",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1",
    };

    public const string ThreadPoolType = "System.Threading.ThreadPool";

    // ASP.NET Core on Lambda (Amazon.Lambda.AspNetCoreServer, its .Hosting package's AddAWSLambdaHosting): the application's
    // request pipeline runs once per invocation. The base of the function classes, and what the pipeline runs.
    public const string AspNetCoreFunctionBase = "Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction`2";
    public const string AspNetCoreControllerBase = "Microsoft.AspNetCore.Mvc.ControllerBase";
    public const string AspNetCoreControllerAttribute = "Microsoft.AspNetCore.Mvc.ControllerAttribute";
    public const string AspNetCoreNonActionAttribute = "Microsoft.AspNetCore.Mvc.NonActionAttribute";
    public const string AspNetCoreNonControllerAttribute = "Microsoft.AspNetCore.Mvc.NonControllerAttribute";
    public const string AspNetCorePageModel = "Microsoft.AspNetCore.Mvc.RazorPages.PageModel";
    public const string AspNetCoreHttpContext = "Microsoft.AspNetCore.Http.HttpContext";
    public const string AspNetCoreEndpointRouteBuilderExtensions = "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions";
    public const string AspNetCoreUseExtensions = "Microsoft.AspNetCore.Builder.UseExtensions";
    public const string AspNetCoreRunExtensions = "Microsoft.AspNetCore.Builder.RunExtensions";

    // LBP206: SnapStart's hooks, and the generator a function may make at init (the fresh values are ValueOrigins's).
    public const string SnapshotRestore = "Amazon.Lambda.Core.SnapshotRestore";
    public const string RandomType = "System.Random";

    // LBP303: where a log line goes (the Lambda logger, the console, Microsoft.Extensions.Logging, Debug and Trace).
    public static readonly string[] LogSinkTypes =
    {
        "Amazon.Lambda.Core.ILambdaLogger",
        "Amazon.Lambda.Core.LambdaLogger",
        "System.Console",
        "Microsoft.Extensions.Logging.LoggerExtensions",
        "Microsoft.Extensions.Logging.ILogger",
        "System.Diagnostics.Debug",
        "System.Diagnostics.Trace",
    };

    // .NET types LBP201's key guards read: `Path.GetExtension(key)` tests, `Path.ChangeExtension(key, ...)` written keys.
    public const string PathType = "System.IO.Path";
    public const string GetEnvironmentVariable = "GetEnvironmentVariable";
    public const string SetEnvironmentVariable = "SetEnvironmentVariable";
    public const string FromBase64String = "FromBase64String";

    // AWSSDK.KeyManagementService: Convert.FromBase64String(env) -> new MemoryStream(...) -> DecryptRequest.CiphertextBlob.
    public const string DecryptRequest = "Amazon.KeyManagementService.Model.DecryptRequest";
    public const string CiphertextBlob = "CiphertextBlob";

    // AWSSDK.Core requests and credentials (LBP302, LBP401). Client constructors name their key parameters awsAccessKeyId / awsSecretAccessKey.
    public const string AmazonWebServiceRequest = "Amazon.Runtime.AmazonWebServiceRequest";
    public const string BasicAWSCredentials = "Amazon.Runtime.BasicAWSCredentials";
    public const string SessionAWSCredentials = "Amazon.Runtime.SessionAWSCredentials";
    public const string AccessKeyIdParameter = "awsAccessKeyId";
    public const string SecretAccessKeyParameter = "awsSecretAccessKey";
    public const string SessionTokenParameter = "awsSessionToken";

    // AWS CDK v2 (Amazon.CDK.Lib): jsii declares Environment on IFunctionOptions and on every props class implementing it.
    public const string CdkFunction = "Amazon.CDK.AWS.Lambda.Function";
    public const string CdkFunctionProps = "Amazon.CDK.AWS.Lambda.FunctionProps";
    public const string CdkFunctionOptions = "Amazon.CDK.AWS.Lambda.IFunctionOptions";
    public const string CdkEnvironment = "Environment";
    public const string CdkAddEnvironment = "AddEnvironment";

    // The stores the LBP301 fix loads from (the fix is only offered when one of them is referenced).
    public const string SsmClient = "Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient";
    public const string SecretsManagerClient = "Amazon.SecretsManager.AmazonSecretsManagerClient";
    public const string SsmGetParameterRequest = "Amazon.SimpleSystemsManagement.Model.GetParameterRequest";
    public const string SecretsManagerGetSecretValueRequest = "Amazon.SecretsManager.Model.GetSecretValueRequest";
}
