using System;
using System.Collections.Generic;
using LambdaBestPractices.Analyzers.Internals;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>What a resource-name slot names (LBP401). Drives the message and the environment variable's suffix.</summary>
internal enum ResourceKind
{
    BucketName,
    TableName,
    QueueUrl,
    QueueName,
    TopicArn,
    FunctionName,
    StateMachineArn,
    EventBusName,
    StreamName,
    LogGroupName,
    SecretId,
    ParameterName,
    Arn,
}

/// <summary>
/// The resource-name slots of the AWS SDK (LBP401), matched by the containing assembly (<c>AWSSDK.*</c>) and the member
/// or parameter name, never by a full type name, so the rule survives SDK version drift (a request gaining a constructor
/// overload, a new convenience method on <c>IAmazonS3</c>, v3 and v4 shapes alike).
/// </summary>
internal static class ResourceSlots
{
    private const string SdkAssemblyPrefix = "AWSSDK.";
    private static readonly string[] SsmModel = { "Amazon", "SimpleSystemsManagement", "Model" };
    private static readonly string[] DynamoDBModel = { "Amazon", "DynamoDBv2", "Model" };

    /// <summary>Properties of request, config and builder types.</summary>
    private static readonly Dictionary<string, ResourceKind> Properties = new(StringComparer.Ordinal)
    {
        ["BucketName"] = ResourceKind.BucketName,
        ["SourceBucket"] = ResourceKind.BucketName,
        ["DestinationBucket"] = ResourceKind.BucketName,
        ["TableName"] = ResourceKind.TableName,
        ["OverrideTableName"] = ResourceKind.TableName,
        ["QueueUrl"] = ResourceKind.QueueUrl,
        ["QueueName"] = ResourceKind.QueueName,
        ["TopicArn"] = ResourceKind.TopicArn,
        ["FunctionName"] = ResourceKind.FunctionName,
        ["StateMachineArn"] = ResourceKind.StateMachineArn,
        ["EventBusName"] = ResourceKind.EventBusName,
        ["StreamName"] = ResourceKind.StreamName,
        ["DeliveryStreamName"] = ResourceKind.StreamName,
        ["LogGroupName"] = ResourceKind.LogGroupName,
        ["SecretId"] = ResourceKind.SecretId,
    };

    /// <summary>Parameters of client convenience overloads, <c>TransferUtility</c>, <c>Table.LoadTable</c>, constructors.</summary>
    private static readonly Dictionary<string, ResourceKind> Parameters = new(StringComparer.Ordinal)
    {
        ["bucketName"] = ResourceKind.BucketName,
        ["sourceBucket"] = ResourceKind.BucketName,
        ["sourceBucketName"] = ResourceKind.BucketName,
        ["destinationBucket"] = ResourceKind.BucketName,
        ["destinationBucketName"] = ResourceKind.BucketName,
        ["tableName"] = ResourceKind.TableName,
        ["queueUrl"] = ResourceKind.QueueUrl,
        ["queueName"] = ResourceKind.QueueName,
        ["topicArn"] = ResourceKind.TopicArn,
        ["functionName"] = ResourceKind.FunctionName,
        ["stateMachineArn"] = ResourceKind.StateMachineArn,
        ["eventBusName"] = ResourceKind.EventBusName,
        ["streamName"] = ResourceKind.StreamName,
        ["deliveryStreamName"] = ResourceKind.StreamName,
        ["logGroupName"] = ResourceKind.LogGroupName,
        ["secretId"] = ResourceKind.SecretId,
    };

    /// <summary>True when <paramref name="member"/> belongs to an AWS SDK assembly (<c>AWSSDK.S3</c>, <c>AWSSDK.SecretsManager.Caching</c>, ...).</summary>
    public static bool IsSdkMember(ISymbol member) =>
        member.ContainingAssembly?.Name is { } name && name.StartsWith(SdkAssemblyPrefix, StringComparison.Ordinal);

    /// <summary>The kind of a single-value slot property, or null. The caller has checked <see cref="IsSdkMember"/>.</summary>
    public static ResourceKind? OfProperty(IPropertySymbol property)
    {
        if (Properties.TryGetValue(property.Name, out var kind))
        {
            return kind;
        }

        // Parameter Store: `Name` on GetParameterRequest, PutParameterRequest, DeleteParameterRequest, GetParameterHistoryRequest, ...
        return property.Name == "Name" && IsSsmParameterType(property.ContainingType) ? ResourceKind.ParameterName : null;
    }

    /// <summary>
    /// The kind of the elements of a collection slot: SSM <c>GetParametersRequest.Names</c> (list elements) and DynamoDB
    /// <c>BatchGetItemRequest.RequestItems</c> / <c>BatchWriteItemRequest.RequestItems</c> (dictionary keys), or null.
    /// </summary>
    public static ResourceKind? OfCollectionProperty(IPropertySymbol property) => property.Name switch
    {
        "Names" when IsSsmParameterType(property.ContainingType) => ResourceKind.ParameterName,
        "RequestItems" when property.ContainingType?.ContainingNamespace.IsNamespace(DynamoDBModel) == true => ResourceKind.TableName,
        _ => null,
    };

    /// <summary>The kind of a slot parameter, or null. The caller has checked <see cref="IsSdkMember"/> on its method.</summary>
    public static ResourceKind? OfParameter(IParameterSymbol parameter) =>
        Parameters.TryGetValue(parameter.Name, out var kind) ? kind : null;

    /// <summary>An ARN of the standard, China or GovCloud partition: <c>arn:aws:service:region:account:resource</c>.</summary>
    public static bool LooksLikeArn(string value)
    {
        if (!(value.StartsWith("arn:aws:", StringComparison.Ordinal)
            || value.StartsWith("arn:aws-cn:", StringComparison.Ordinal)
            || value.StartsWith("arn:aws-us-gov:", StringComparison.Ordinal)))
        {
            return false;
        }

        var colons = 0;
        foreach (var c in value)
        {
            if (c == ':')
            {
                colons++;
            }
            else if (char.IsWhiteSpace(c) || c == '{')
            {
                // A template (`arn:aws:sns:{0}:...`) or prose, not one resource.
                return false;
            }
        }

        return colons >= 5 && value[value.Length - 1] != ':';
    }

    /// <summary>
    /// An SQS queue URL: <c>https://sqs.&lt;region&gt;.amazonaws.com[.cn]/&lt;account&gt;/&lt;name&gt;</c>, or the legacy
    /// <c>https://&lt;region&gt;.queue.amazonaws.com/&lt;account&gt;/&lt;name&gt;</c>.
    /// </summary>
    public static bool LooksLikeQueueUrl(string value)
    {
        const string Scheme = "https://";
        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hostEnd = value.IndexOf('/', Scheme.Length);
        if (hostEnd < 0)
        {
            return false;
        }

        var host = value.Substring(Scheme.Length, hostEnd - Scheme.Length).ToLowerInvariant();
        var isSqsHost = (host.StartsWith("sqs.", StringComparison.Ordinal) && (host.EndsWith(".amazonaws.com", StringComparison.Ordinal) || host.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal)))
            || host.EndsWith(".queue.amazonaws.com", StringComparison.Ordinal);
        if (!isSqsHost)
        {
            return false;
        }

        var path = value.Substring(hostEnd + 1).Split('/');
        if (path.Length != 2 || path[0].Length != 12 || path[1].Length == 0)
        {
            return false;
        }

        foreach (var c in path[0])
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        foreach (var c in path[1])
        {
            if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The words the message uses for a kind.</summary>
    public static string Describe(ResourceKind kind) => kind switch
    {
        ResourceKind.BucketName => "bucket name",
        ResourceKind.TableName => "table name",
        ResourceKind.QueueUrl => "queue URL",
        ResourceKind.QueueName => "queue name",
        ResourceKind.TopicArn => "topic ARN",
        ResourceKind.FunctionName => "function name",
        ResourceKind.StateMachineArn => "state machine ARN",
        ResourceKind.EventBusName => "event bus name",
        ResourceKind.StreamName => "stream name",
        ResourceKind.LogGroupName => "log group name",
        ResourceKind.SecretId => "secret ID",
        ResourceKind.ParameterName => "parameter name",
        _ => "ARN",
    };

    /// <summary>The names <c>lambda_best_practices.LBP401.excluded_slots</c> matches for values recognised by shape alone.</summary>
    public const string ArnSlot = "arn";
    public const string QueueUrlSlot = "queue_url";

    private static bool IsSsmParameterType(INamedTypeSymbol? type) =>
        type is not null
        && type.Name.IndexOf("Parameter", StringComparison.Ordinal) >= 0
        && type.ContainingNamespace.IsNamespace(SsmModel);
}
