// Mirrors NuGet package: AWSSDK.StepFunctions 4.x (AWS SDK for .NET v4, net8.0 build; the reference does not pin a version).
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
using Amazon.StepFunctions.Model;

namespace Amazon.StepFunctions
{
    public partial interface IAmazonStepFunctions : IAmazonService, IDisposable
    {
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => throw null!;

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => throw null!;

        Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default);

        Task<StartSyncExecutionResponse> StartSyncExecutionAsync(StartSyncExecutionRequest request, CancellationToken cancellationToken = default);

        Task<SendTaskSuccessResponse> SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default);

        Task<SendTaskFailureResponse> SendTaskFailureAsync(SendTaskFailureRequest request, CancellationToken cancellationToken = default);
    }

    public partial class AmazonStepFunctionsConfig : ClientConfig
    {
        public AmazonStepFunctionsConfig()
            : base(new Amazon.Runtime.Internal.DefaultConfigurationProvider(
                new IDefaultConfiguration[] { new DefaultConfiguration { Name = DefaultConfigurationMode.Standard } }))
        {
        }

        public override string RegionEndpointServiceName => "states";

        public override string ServiceVersion => "2016-11-23";

        public override string UserAgent => "states/stub";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => throw null!;
    }

    public partial class AmazonStepFunctionsClient : AmazonServiceClient, IAmazonStepFunctions
    {
        public AmazonStepFunctionsClient()
            : base(new AmazonStepFunctionsConfig())
        {
        }

        public AmazonStepFunctionsClient(RegionEndpoint region)
            : base(new AmazonStepFunctionsConfig { RegionEndpoint = region })
        {
        }

        public AmazonStepFunctionsClient(AmazonStepFunctionsConfig config)
            : base(config)
        {
        }

        public AmazonStepFunctionsClient(AWSCredentials credentials)
            : this(credentials, new AmazonStepFunctionsConfig())
        {
        }

        public AmazonStepFunctionsClient(AWSCredentials credentials, RegionEndpoint region)
            : this(credentials, new AmazonStepFunctionsConfig { RegionEndpoint = region })
        {
        }

        public AmazonStepFunctionsClient(AWSCredentials credentials, AmazonStepFunctionsConfig clientConfig)
            : base(credentials, clientConfig)
        {
        }

        public AmazonStepFunctionsClient(string awsAccessKeyId, string awsSecretAccessKey)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonStepFunctionsConfig())
        {
        }

        public AmazonStepFunctionsClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonStepFunctionsConfig { RegionEndpoint = region })
        {
        }

        public AmazonStepFunctionsClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonStepFunctionsConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig)
        {
        }

        public AmazonStepFunctionsClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonStepFunctionsConfig())
        {
        }

        public AmazonStepFunctionsClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonStepFunctionsConfig { RegionEndpoint = region })
        {
        }

        public AmazonStepFunctionsClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonStepFunctionsConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig)
        {
        }

        public virtual Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<StartSyncExecutionResponse> StartSyncExecutionAsync(StartSyncExecutionRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<SendTaskSuccessResponse> SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<SendTaskFailureResponse> SendTaskFailureAsync(SendTaskFailureRequest request, CancellationToken cancellationToken = default) => throw null!;
    }

    public partial class AmazonStepFunctionsException : AmazonServiceException
    {
        public AmazonStepFunctionsException()
        {
        }

        public AmazonStepFunctionsException(string message)
            : base(message)
        {
        }

        public AmazonStepFunctionsException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public AmazonStepFunctionsException(Exception innerException)
            : base(innerException)
        {
        }

        public AmazonStepFunctionsException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public AmazonStepFunctionsException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class AmazonStepFunctionsRequest : AmazonWebServiceRequest
    {
    }
}

namespace Amazon.StepFunctions.Model
{
    public partial class StartExecutionRequest : AmazonStepFunctionsRequest
    {
        public string StateMachineArn { get; set; }

        public string Name { get; set; }

        public string Input { get; set; }

        public string TraceHeader { get; set; }
    }

    public partial class StartExecutionResponse : AmazonWebServiceResponse
    {
        public string ExecutionArn { get; set; }

        public DateTime? StartDate { get; set; }
    }

    public partial class StartSyncExecutionRequest : AmazonStepFunctionsRequest
    {
        public string StateMachineArn { get; set; }

        public string Name { get; set; }

        public string Input { get; set; }
    }

    public partial class StartSyncExecutionResponse : AmazonWebServiceResponse
    {
        public string ExecutionArn { get; set; }

        public string Output { get; set; }

        public string Error { get; set; }

        public string Cause { get; set; }
    }

    public partial class SendTaskSuccessRequest : AmazonStepFunctionsRequest
    {
        public string TaskToken { get; set; }

        public string Output { get; set; }
    }

    public partial class SendTaskSuccessResponse : AmazonWebServiceResponse
    {
    }

    public partial class SendTaskFailureRequest : AmazonStepFunctionsRequest
    {
        public string TaskToken { get; set; }

        public string Error { get; set; }

        public string Cause { get; set; }
    }

    public partial class SendTaskFailureResponse : AmazonWebServiceResponse
    {
    }
}
