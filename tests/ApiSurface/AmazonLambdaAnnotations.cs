// Mirrors NuGet package: Amazon.Lambda.Annotations (release current in the reference listing, July 2026; the
// reference does not pin a version number).
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation (bodies throw or return defaults; the real attributes
// also compute defaults such as ResourceName, BatchSize = 100, Enabled = true in their getters).
// Checked against shared/reference/amazon-lambda-api.txt; AttributeUsage checked against the package's sources.
// Not stubbed: ALB.*, LambdaGlobalPropertiesAttribute, DurableExecutionAttribute, authorizer attributes and
// results, FunctionUrlAttribute.
// Requires: AmazonLambdaCore.cs
// (HttpResultSerializationOptions.Serializer is an Amazon.Lambda.Core.ILambdaSerializer.)
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.IO;
using System.Net;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Annotations
{
    [AttributeUsage(AttributeTargets.Method)]
    public class LambdaFunctionAttribute : Attribute
    {
        public string ResourceName { get; set; }

        public uint Timeout { get; set; }

        public uint MemorySize { get; set; }

        public string Role { get; set; }

        public string Policies { get; set; }

        public LambdaPackageType PackageType { get; set; }
    }

    [AttributeUsage(AttributeTargets.Class)]
    public class LambdaStartupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromServicesAttribute : Attribute
    {
    }

    public enum LambdaPackageType
    {
        Zip,
        Image,
    }

    public interface INamedAttribute
    {
        string Name { get; set; }
    }
}

namespace Amazon.Lambda.Annotations.APIGateway
{
    public enum LambdaHttpMethod
    {
        Any,
        Get,
        Post,
        Put,
        Patch,
        Head,
        Delete,
        Options,
    }

    public enum HttpApiVersion
    {
        V1,
        V2,
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class HttpApiAttribute : Attribute
    {
        public HttpApiAttribute(LambdaHttpMethod method, string template) { }

        public string Template { get; set; }

        public LambdaHttpMethod Method { get; set; }

        public HttpApiVersion Version { get; set; }

        public string Authorizer { get; set; }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class RestApiAttribute : Attribute
    {
        public RestApiAttribute(LambdaHttpMethod method, string template) { }

        public string Template { get; set; }

        public LambdaHttpMethod Method { get; set; }

        public string Authorizer { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromBodyAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromHeaderAttribute : Attribute, INamedAttribute
    {
        public string Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromQueryAttribute : Attribute, INamedAttribute
    {
        public string Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromRouteAttribute : Attribute, INamedAttribute
    {
        public string Name { get; set; }
    }

    public interface IHttpResult
    {
        HttpStatusCode StatusCode { get; }

        IHttpResult AddHeader(string name, string value);

        Stream Serialize(HttpResultSerializationOptions options);
    }

    public class HttpResultSerializationOptions
    {
        public ProtocolFormat Format { get; set; }

        public ProtocolVersion Version { get; set; }

        public ILambdaSerializer Serializer { get; set; }

        public enum ProtocolFormat
        {
            RestApi,
            HttpApi,
        }

        public enum ProtocolVersion
        {
            V1,
            V2,
        }
    }

    public class HttpResults : IHttpResult
    {
        private HttpResults() { }

        public HttpStatusCode StatusCode => throw null!;

        public IHttpResult AddHeader(string name, string value) => throw null!;

        public Stream Serialize(HttpResultSerializationOptions options) => throw null!;

        public static IHttpResult Accepted(object body = null) => throw null!;

        public static IHttpResult BadGateway() => throw null!;

        public static IHttpResult BadRequest(object body = null) => throw null!;

        public static IHttpResult Conflict(object body = null) => throw null!;

        public static IHttpResult Created(string uri = null, object body = null) => throw null!;

        public static IHttpResult Forbid(object body = null) => throw null!;

        public static IHttpResult InternalServerError(object body = null) => throw null!;

        public static IHttpResult NewResult(HttpStatusCode statusCode, object body = null) => throw null!;

        public static IHttpResult NotFound(object body = null) => throw null!;

        public static IHttpResult Ok(object body = null) => throw null!;

        public static IHttpResult Redirect(string uri, bool permanent = false, bool preserveMethod = false) => throw null!;

        public static IHttpResult ServiceUnavailable(int? delaySeconds = null) => throw null!;

        public static IHttpResult Unauthorized() => throw null!;
    }
}

namespace Amazon.Lambda.Annotations.SQS
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class SQSEventAttribute : Attribute
    {
        public SQSEventAttribute(string queue) { }

        public string Queue { get; set; }

        public string ResourceName { get; set; }

        public bool Enabled { get; set; }

        public uint BatchSize { get; set; }

        public uint MaximumBatchingWindowInSeconds { get; set; }

        public uint MaximumConcurrency { get; set; }

        public string Filters { get; set; }
    }
}

namespace Amazon.Lambda.Annotations.S3
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class S3EventAttribute : Attribute
    {
        public S3EventAttribute(string bucket) { }

        public string Bucket { get; set; }

        public string ResourceName { get; set; }

        public string Events { get; set; }

        public string FilterPrefix { get; set; }

        public string FilterSuffix { get; set; }

        public bool Enabled { get; set; }
    }
}

namespace Amazon.Lambda.Annotations.SNS
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class SNSEventAttribute : Attribute
    {
        public SNSEventAttribute(string topic) { }

        public string Topic { get; set; }

        public string ResourceName { get; set; }

        public string FilterPolicy { get; set; }

        public bool Enabled { get; set; }
    }
}

namespace Amazon.Lambda.Annotations.DynamoDB
{
    public enum StartingPosition
    {
        LATEST,
        TRIM_HORIZON,
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DynamoDBEventAttribute : Attribute
    {
        public DynamoDBEventAttribute(string stream) { }

        public string Stream { get; set; }

        public string ResourceName { get; set; }

        public uint BatchSize { get; set; }

        public StartingPosition StartingPosition { get; set; }

        public uint MaximumBatchingWindowInSeconds { get; set; }

        public string Filters { get; set; }

        public bool Enabled { get; set; }
    }
}

namespace Amazon.Lambda.Annotations.Schedule
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class ScheduleEventAttribute : Attribute
    {
        public ScheduleEventAttribute(string schedule) { }

        public string Schedule { get; set; }

        public string ResourceName { get; set; }

        public string Description { get; set; }

        public string Input { get; set; }

        public bool Enabled { get; set; }
    }
}
