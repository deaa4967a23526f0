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
    public static readonly string[] DependencyInjectionNamespaceParts = { "Microsoft", "Extensions", "DependencyInjection" };

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
    public const string DynamoDBRangeKeyAttribute = "Amazon.DynamoDBv2.DataModel.DynamoDBRangeKeyAttribute";
}
