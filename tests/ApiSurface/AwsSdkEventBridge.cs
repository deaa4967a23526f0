// Mirrors NuGet package: AWSSDK.EventBridge 4.x (AWS SDK for .NET v4, net8.0 build; the reference does not pin a version).
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
using Amazon.EventBridge.Model;

namespace Amazon.EventBridge
{
    public partial interface IAmazonEventBridge : IAmazonService, IDisposable
    {
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => throw null!;

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => throw null!;

        Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default);
    }

    public partial class AmazonEventBridgeConfig : ClientConfig
    {
        public AmazonEventBridgeConfig()
            : base(new Amazon.Runtime.Internal.DefaultConfigurationProvider(
                new IDefaultConfiguration[] { new DefaultConfiguration { Name = DefaultConfigurationMode.Standard } }))
        {
        }

        public override string RegionEndpointServiceName => "events";

        public override string ServiceVersion => "2015-10-07";

        public override string UserAgent => "events/stub";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => throw null!;
    }

    public partial class AmazonEventBridgeClient : AmazonServiceClient, IAmazonEventBridge
    {
        public AmazonEventBridgeClient()
            : base(new AmazonEventBridgeConfig())
        {
        }

        public AmazonEventBridgeClient(RegionEndpoint region)
            : base(new AmazonEventBridgeConfig { RegionEndpoint = region })
        {
        }

        public AmazonEventBridgeClient(AmazonEventBridgeConfig config)
            : base(config)
        {
        }

        public AmazonEventBridgeClient(AWSCredentials credentials)
            : this(credentials, new AmazonEventBridgeConfig())
        {
        }

        public AmazonEventBridgeClient(AWSCredentials credentials, RegionEndpoint region)
            : this(credentials, new AmazonEventBridgeConfig { RegionEndpoint = region })
        {
        }

        public AmazonEventBridgeClient(AWSCredentials credentials, AmazonEventBridgeConfig clientConfig)
            : base(credentials, clientConfig)
        {
        }

        public AmazonEventBridgeClient(string awsAccessKeyId, string awsSecretAccessKey)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonEventBridgeConfig())
        {
        }

        public AmazonEventBridgeClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonEventBridgeConfig { RegionEndpoint = region })
        {
        }

        public AmazonEventBridgeClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonEventBridgeConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig)
        {
        }

        public AmazonEventBridgeClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonEventBridgeConfig())
        {
        }

        public AmazonEventBridgeClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonEventBridgeConfig { RegionEndpoint = region })
        {
        }

        public AmazonEventBridgeClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonEventBridgeConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig)
        {
        }

        public virtual Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default) => throw null!;
    }

    public partial class AmazonEventBridgeException : AmazonServiceException
    {
        public AmazonEventBridgeException()
        {
        }

        public AmazonEventBridgeException(string message)
            : base(message)
        {
        }

        public AmazonEventBridgeException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public AmazonEventBridgeException(Exception innerException)
            : base(innerException)
        {
        }

        public AmazonEventBridgeException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public AmazonEventBridgeException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class AmazonEventBridgeRequest : AmazonWebServiceRequest
    {
    }
}

namespace Amazon.EventBridge.Model
{
    public partial class PutEventsRequest : AmazonEventBridgeRequest
    {
        public List<PutEventsRequestEntry> Entries { get; set; }

        public string EndpointId { get; set; }
    }

    public partial class PutEventsRequestEntry
    {
        public string EventBusName { get; set; }

        public string Source { get; set; }

        public string DetailType { get; set; }

        public string Detail { get; set; }

        public List<string> Resources { get; set; }

        public DateTime? Time { get; set; }

        public string TraceHeader { get; set; }
    }

    public partial class PutEventsResponse : AmazonWebServiceResponse
    {
        public int? FailedEntryCount { get; set; }

        public List<PutEventsResultEntry> Entries { get; set; }
    }

    public partial class PutEventsResultEntry
    {
        public string EventId { get; set; }

        public string ErrorCode { get; set; }

        public string ErrorMessage { get; set; }
    }
}
