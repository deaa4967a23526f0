// Mirrors NuGet package: AWSSDK.Lambda 4.x (AWS SDK for .NET v4, net8.0 build; the reference does not pin a version).
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package (v4 shapes: nullable value types, collections null by default); this is NOT the real
// implementation (bodies throw or return defaults; operations never send a request).
// Checked against shared/reference/aws-sdk-unserved-api.txt. Where that listing departs from the generated-code
// conventions of the real AWSSDK 4.x assemblies served here (AWSSDK.SQS/S3/KeyManagementService) and of the
// aws-sdk-net sources, the real convention is followed: the AmazonXxxRequest base class lives in the service's
// root namespace (not in .Model), and the IAmazonService static factories (CreateDefaultClientConfig /
// CreateDefaultServiceClient) are explicit static implementations on the IAmazonXxx interface, not statics of
// the client class. Amazon.Runtime.* and Amazon.RegionEndpoint come from the real AWSSDK.Core 4.1.0.
// The config constructor hands ClientConfig one "Standard" default configuration so that stub clients can be
// constructed at run time (e.g. in static fields of a sample function); nothing else is initialised.
// Exception classes declare the six constructors every generated SDK 4.x exception has (as in AWSSDK.SQS).
// Also differs from the reference: ResponseStreamingInvocationType is declared in Amazon.Lambda (with the
// other ConstantClass enumerations, as in the SDK's ServiceEnumerations.cs), not in Amazon.Lambda.Model.
// InvokeAsyncAsync and InvokeAsyncRequest are [Obsolete] as in the SDK. The synchronous Invoke exists only in
// the .NET Framework build of the SDK and is therefore not declared.
// Requires: none (beyond the real AWSSDK.Core package reference)
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Lambda.Model;

namespace Amazon.Lambda
{
    public partial interface IAmazonLambda : IAmazonService, IDisposable
    {
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => throw null!;

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => throw null!;

        Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default);

        Task<InvokeWithResponseStreamResponse> InvokeWithResponseStreamAsync(InvokeWithResponseStreamRequest request, CancellationToken cancellationToken = default);

        Task<GetFunctionResponse> GetFunctionAsync(GetFunctionRequest request, CancellationToken cancellationToken = default);

        Task<GetFunctionResponse> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default);

        [Obsolete("Deprecated by the service: use InvokeAsync(InvokeRequest) instead.")]
        Task<InvokeAsyncResponse> InvokeAsyncAsync(InvokeAsyncRequest request, CancellationToken cancellationToken = default);
    }

    public partial class AmazonLambdaConfig : ClientConfig
    {
        public AmazonLambdaConfig()
            : base(new Amazon.Runtime.Internal.DefaultConfigurationProvider(
                new IDefaultConfiguration[] { new DefaultConfiguration { Name = DefaultConfigurationMode.Standard } }))
        {
        }

        public override string RegionEndpointServiceName => "lambda";

        public override string ServiceVersion => "2015-03-31";

        public override string UserAgent => "lambda/stub";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => throw null!;
    }

    public partial class AmazonLambdaClient : AmazonServiceClient, IAmazonLambda
    {
        public AmazonLambdaClient()
            : base(new AmazonLambdaConfig())
        {
        }

        public AmazonLambdaClient(RegionEndpoint region)
            : base(new AmazonLambdaConfig { RegionEndpoint = region })
        {
        }

        public AmazonLambdaClient(AmazonLambdaConfig config)
            : base(config)
        {
        }

        public AmazonLambdaClient(AWSCredentials credentials)
            : this(credentials, new AmazonLambdaConfig())
        {
        }

        public AmazonLambdaClient(AWSCredentials credentials, RegionEndpoint region)
            : this(credentials, new AmazonLambdaConfig { RegionEndpoint = region })
        {
        }

        public AmazonLambdaClient(AWSCredentials credentials, AmazonLambdaConfig clientConfig)
            : base(credentials, clientConfig)
        {
        }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonLambdaConfig())
        {
        }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonLambdaConfig { RegionEndpoint = region })
        {
        }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonLambdaConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig)
        {
        }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonLambdaConfig())
        {
        }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonLambdaConfig { RegionEndpoint = region })
        {
        }

        public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonLambdaConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig)
        {
        }

        public virtual Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<InvokeWithResponseStreamResponse> InvokeWithResponseStreamAsync(InvokeWithResponseStreamRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<GetFunctionResponse> GetFunctionAsync(GetFunctionRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<GetFunctionResponse> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default) => throw null!;

        [Obsolete("Deprecated by the service: use InvokeAsync(InvokeRequest) instead.")]
        public virtual Task<InvokeAsyncResponse> InvokeAsyncAsync(InvokeAsyncRequest request, CancellationToken cancellationToken = default) => throw null!;
    }

    public partial class AmazonLambdaException : AmazonServiceException
    {
        public AmazonLambdaException()
        {
        }

        public AmazonLambdaException(string message)
            : base(message)
        {
        }

        public AmazonLambdaException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public AmazonLambdaException(Exception innerException)
            : base(innerException)
        {
        }

        public AmazonLambdaException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public AmazonLambdaException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class AmazonLambdaRequest : AmazonWebServiceRequest
    {
    }

    public class InvocationType : ConstantClass
    {
        public static readonly InvocationType DryRun = new InvocationType("DryRun");

        public static readonly InvocationType Event = new InvocationType("Event");

        public static readonly InvocationType RequestResponse = new InvocationType("RequestResponse");

        public InvocationType(string value)
            : base(value)
        {
        }

        public static InvocationType FindValue(string value) => throw null!;

        public static implicit operator InvocationType(string value) => throw null!;
    }

    public class LogType : ConstantClass
    {
        public static readonly LogType None = new LogType("None");

        public static readonly LogType Tail = new LogType("Tail");

        public LogType(string value)
            : base(value)
        {
        }

        public static LogType FindValue(string value) => throw null!;

        public static implicit operator LogType(string value) => throw null!;
    }

    public class ResponseStreamingInvocationType : ConstantClass
    {
        public static readonly ResponseStreamingInvocationType DryRun = new ResponseStreamingInvocationType("DryRun");

        public static readonly ResponseStreamingInvocationType RequestResponse = new ResponseStreamingInvocationType("RequestResponse");

        public ResponseStreamingInvocationType(string value)
            : base(value)
        {
        }

        public static ResponseStreamingInvocationType FindValue(string value) => throw null!;

        public static implicit operator ResponseStreamingInvocationType(string value) => throw null!;
    }
}

namespace Amazon.Lambda.Model
{
    public partial class InvokeRequest : AmazonLambdaRequest
    {
        public string FunctionName { get; set; }

        public string Payload { get; set; }

        public MemoryStream PayloadStream { get; set; }

        public InvocationType InvocationType { get; set; }

        public LogType LogType { get; set; }

        public string ClientContext { get; set; }

        public string ClientContextBase64 { get; set; }

        public string Qualifier { get; set; }
    }

    public partial class InvokeResponse : AmazonWebServiceResponse
    {
        public string ExecutedVersion { get; set; }

        public string FunctionError { get; set; }

        public string LogResult { get; set; }

        public MemoryStream Payload { get; set; }

        public int? StatusCode { get; set; }
    }

    [Obsolete("Deprecated by the service: use InvokeAsync(InvokeRequest) instead.")]
    public partial class InvokeAsyncRequest : AmazonLambdaRequest
    {
        public string FunctionName { get; set; }

        public string InvokeArgs { get; set; }

        public Stream InvokeArgsStream { get; set; }
    }

    public partial class InvokeAsyncResponse : AmazonWebServiceResponse
    {
        public int? Status { get; set; }
    }

    public partial class InvokeWithResponseStreamRequest : AmazonLambdaRequest
    {
        public string FunctionName { get; set; }

        public MemoryStream Payload { get; set; }

        public ResponseStreamingInvocationType InvocationType { get; set; }

        public LogType LogType { get; set; }

        public string ClientContext { get; set; }

        public string Qualifier { get; set; }
    }

    public partial class InvokeWithResponseStreamResponse : AmazonWebServiceResponse, IDisposable
    {
        public string ExecutedVersion { get; set; }

        public string ResponseStreamContentType { get; set; }

        public int? StatusCode { get; set; }

        public void Dispose() { }
    }

    public partial class GetFunctionRequest : AmazonLambdaRequest
    {
        public string FunctionName { get; set; }

        public string Qualifier { get; set; }
    }

    public partial class GetFunctionResponse : AmazonWebServiceResponse
    {
        public FunctionConfiguration Configuration { get; set; }

        public Dictionary<string, string> Tags { get; set; }
    }

    public partial class FunctionConfiguration
    {
        public string FunctionName { get; set; }

        public string FunctionArn { get; set; }

        public string Handler { get; set; }

        public int? MemorySize { get; set; }

        public int? Timeout { get; set; }

        public string Version { get; set; }
    }

    public partial class ResourceNotFoundException : AmazonLambdaException
    {
        public ResourceNotFoundException()
        {
        }

        public ResourceNotFoundException(string message)
            : base(message)
        {
        }

        public ResourceNotFoundException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public ResourceNotFoundException(Exception innerException)
            : base(innerException)
        {
        }

        public ResourceNotFoundException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public ResourceNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class TooManyRequestsException : AmazonLambdaException
    {
        public TooManyRequestsException()
        {
        }

        public TooManyRequestsException(string message)
            : base(message)
        {
        }

        public TooManyRequestsException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public TooManyRequestsException(Exception innerException)
            : base(innerException)
        {
        }

        public TooManyRequestsException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public TooManyRequestsException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }

        public string RetryAfterSeconds { get; set; }
    }

    public partial class ServiceException : AmazonLambdaException
    {
        public ServiceException()
        {
        }

        public ServiceException(string message)
            : base(message)
        {
        }

        public ServiceException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public ServiceException(Exception innerException)
            : base(innerException)
        {
        }

        public ServiceException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public ServiceException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }
}
