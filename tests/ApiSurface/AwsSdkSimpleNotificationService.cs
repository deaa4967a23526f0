// Mirrors NuGet package: AWSSDK.SimpleNotificationService 4.x (AWS SDK for .NET v4, net8.0 build; the reference does not pin a version).
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
using Amazon.SimpleNotificationService.Model;

namespace Amazon.SimpleNotificationService
{
    public partial interface IAmazonSimpleNotificationService : IAmazonService, IDisposable
    {
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => throw null!;

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => throw null!;

        Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);

        Task<PublishResponse> PublishAsync(string topicArn, string message, CancellationToken cancellationToken = default);

        Task<PublishResponse> PublishAsync(string topicArn, string message, string subject, CancellationToken cancellationToken = default);

        Task<PublishBatchResponse> PublishBatchAsync(PublishBatchRequest request, CancellationToken cancellationToken = default);
    }

    public partial class AmazonSimpleNotificationServiceConfig : ClientConfig
    {
        public AmazonSimpleNotificationServiceConfig()
            : base(new Amazon.Runtime.Internal.DefaultConfigurationProvider(
                new IDefaultConfiguration[] { new DefaultConfiguration { Name = DefaultConfigurationMode.Standard } }))
        {
        }

        public override string RegionEndpointServiceName => "sns";

        public override string ServiceVersion => "2010-03-31";

        public override string UserAgent => "sns/stub";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => throw null!;
    }

    public partial class AmazonSimpleNotificationServiceClient : AmazonServiceClient, IAmazonSimpleNotificationService
    {
        public AmazonSimpleNotificationServiceClient()
            : base(new AmazonSimpleNotificationServiceConfig())
        {
        }

        public AmazonSimpleNotificationServiceClient(RegionEndpoint region)
            : base(new AmazonSimpleNotificationServiceConfig { RegionEndpoint = region })
        {
        }

        public AmazonSimpleNotificationServiceClient(AmazonSimpleNotificationServiceConfig config)
            : base(config)
        {
        }

        public AmazonSimpleNotificationServiceClient(AWSCredentials credentials)
            : this(credentials, new AmazonSimpleNotificationServiceConfig())
        {
        }

        public AmazonSimpleNotificationServiceClient(AWSCredentials credentials, RegionEndpoint region)
            : this(credentials, new AmazonSimpleNotificationServiceConfig { RegionEndpoint = region })
        {
        }

        public AmazonSimpleNotificationServiceClient(AWSCredentials credentials, AmazonSimpleNotificationServiceConfig clientConfig)
            : base(credentials, clientConfig)
        {
        }

        public AmazonSimpleNotificationServiceClient(string awsAccessKeyId, string awsSecretAccessKey)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonSimpleNotificationServiceConfig())
        {
        }

        public AmazonSimpleNotificationServiceClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonSimpleNotificationServiceConfig { RegionEndpoint = region })
        {
        }

        public AmazonSimpleNotificationServiceClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonSimpleNotificationServiceConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig)
        {
        }

        public AmazonSimpleNotificationServiceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonSimpleNotificationServiceConfig())
        {
        }

        public AmazonSimpleNotificationServiceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonSimpleNotificationServiceConfig { RegionEndpoint = region })
        {
        }

        public AmazonSimpleNotificationServiceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonSimpleNotificationServiceConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig)
        {
        }

        public virtual Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<PublishResponse> PublishAsync(string topicArn, string message, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<PublishResponse> PublishAsync(string topicArn, string message, string subject, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<PublishBatchResponse> PublishBatchAsync(PublishBatchRequest request, CancellationToken cancellationToken = default) => throw null!;
    }

    public partial class AmazonSimpleNotificationServiceException : AmazonServiceException
    {
        public AmazonSimpleNotificationServiceException()
        {
        }

        public AmazonSimpleNotificationServiceException(string message)
            : base(message)
        {
        }

        public AmazonSimpleNotificationServiceException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public AmazonSimpleNotificationServiceException(Exception innerException)
            : base(innerException)
        {
        }

        public AmazonSimpleNotificationServiceException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public AmazonSimpleNotificationServiceException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class AmazonSimpleNotificationServiceRequest : AmazonWebServiceRequest
    {
    }
}

namespace Amazon.SimpleNotificationService.Model
{
    public partial class PublishRequest : AmazonSimpleNotificationServiceRequest
    {
        public PublishRequest() { }

        public PublishRequest(string topicArn, string message) { }

        public PublishRequest(string topicArn, string message, string subject) { }

        public string TopicArn { get; set; }

        public string TargetArn { get; set; }

        public string PhoneNumber { get; set; }

        public string Message { get; set; }

        public string Subject { get; set; }

        public string MessageStructure { get; set; }

        public string MessageGroupId { get; set; }

        public string MessageDeduplicationId { get; set; }

        public Dictionary<string, MessageAttributeValue> MessageAttributes { get; set; }
    }

    public partial class PublishResponse : AmazonWebServiceResponse
    {
        public string MessageId { get; set; }

        public string SequenceNumber { get; set; }
    }

    public partial class PublishBatchRequest : AmazonSimpleNotificationServiceRequest
    {
        public string TopicArn { get; set; }

        public List<PublishBatchRequestEntry> PublishBatchRequestEntries { get; set; }
    }

    public partial class PublishBatchRequestEntry
    {
        public string Id { get; set; }

        public string Message { get; set; }

        public string Subject { get; set; }

        public string MessageGroupId { get; set; }

        public string MessageDeduplicationId { get; set; }

        public Dictionary<string, MessageAttributeValue> MessageAttributes { get; set; }
    }

    public partial class PublishBatchResponse : AmazonWebServiceResponse
    {
        public List<PublishBatchResultEntry> Successful { get; set; }

        public List<BatchResultErrorEntry> Failed { get; set; }
    }

    public partial class PublishBatchResultEntry
    {
        public string Id { get; set; }

        public string MessageId { get; set; }

        public string SequenceNumber { get; set; }
    }

    public partial class BatchResultErrorEntry
    {
        public string Id { get; set; }

        public string Code { get; set; }

        public string Message { get; set; }

        public bool? SenderFault { get; set; }
    }

    public partial class MessageAttributeValue
    {
        public string DataType { get; set; }

        public string StringValue { get; set; }

        public MemoryStream BinaryValue { get; set; }
    }

    public partial class NotFoundException : AmazonSimpleNotificationServiceException
    {
        public NotFoundException()
        {
        }

        public NotFoundException(string message)
            : base(message)
        {
        }

        public NotFoundException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public NotFoundException(Exception innerException)
            : base(innerException)
        {
        }

        public NotFoundException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public NotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }
}
