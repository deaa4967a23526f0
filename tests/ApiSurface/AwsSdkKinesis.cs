// Mirrors NuGet package: AWSSDK.Kinesis 4.x (AWS SDK for .NET v4, net8.0 build; the reference does not pin a version).
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
// Scope: what Amazon.Lambda.KinesisEvents needs (Amazon.Kinesis.Model.Record + EncryptionType) plus the common
// producer calls (PutRecord/PutRecords) and a few stream-management members listed in the reference.
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
using Amazon.Kinesis.Model;

namespace Amazon.Kinesis
{
    public partial interface IAmazonKinesis : IAmazonService, IDisposable
    {
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => throw null!;

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => throw null!;

        Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default);

        Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default);

        Task<CreateStreamResponse> CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default);

        Task<ListStreamsResponse> ListStreamsAsync(CancellationToken cancellationToken = default);

        Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default);
    }

    public partial class AmazonKinesisConfig : ClientConfig
    {
        public AmazonKinesisConfig()
            : base(new Amazon.Runtime.Internal.DefaultConfigurationProvider(
                new IDefaultConfiguration[] { new DefaultConfiguration { Name = DefaultConfigurationMode.Standard } }))
        {
        }

        public override string RegionEndpointServiceName => "kinesis";

        public override string ServiceVersion => "2013-12-02";

        public override string UserAgent => "kinesis/stub";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => throw null!;
    }

    public partial class AmazonKinesisClient : AmazonServiceClient, IAmazonKinesis
    {
        public AmazonKinesisClient()
            : base(new AmazonKinesisConfig())
        {
        }

        public AmazonKinesisClient(RegionEndpoint region)
            : base(new AmazonKinesisConfig { RegionEndpoint = region })
        {
        }

        public AmazonKinesisClient(AmazonKinesisConfig config)
            : base(config)
        {
        }

        public AmazonKinesisClient(AWSCredentials credentials)
            : this(credentials, new AmazonKinesisConfig())
        {
        }

        public AmazonKinesisClient(AWSCredentials credentials, RegionEndpoint region)
            : this(credentials, new AmazonKinesisConfig { RegionEndpoint = region })
        {
        }

        public AmazonKinesisClient(AWSCredentials credentials, AmazonKinesisConfig clientConfig)
            : base(credentials, clientConfig)
        {
        }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonKinesisConfig())
        {
        }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonKinesisConfig { RegionEndpoint = region })
        {
        }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonKinesisConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig)
        {
        }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonKinesisConfig())
        {
        }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonKinesisConfig { RegionEndpoint = region })
        {
        }

        public AmazonKinesisClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonKinesisConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig)
        {
        }

        public virtual Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<CreateStreamResponse> CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<ListStreamsResponse> ListStreamsAsync(CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default) => throw null!;
    }

    public partial class AmazonKinesisException : AmazonServiceException
    {
        public AmazonKinesisException()
        {
        }

        public AmazonKinesisException(string message)
            : base(message)
        {
        }

        public AmazonKinesisException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public AmazonKinesisException(Exception innerException)
            : base(innerException)
        {
        }

        public AmazonKinesisException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public AmazonKinesisException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class AmazonKinesisRequest : AmazonWebServiceRequest
    {
    }

    public class EncryptionType : ConstantClass
    {
        public static readonly EncryptionType KMS = new EncryptionType("KMS");

        public static readonly EncryptionType NONE = new EncryptionType("NONE");

        public EncryptionType(string value)
            : base(value)
        {
        }

        public static EncryptionType FindValue(string value) => throw null!;

        public static implicit operator EncryptionType(string value) => throw null!;
    }

    public class StreamMode : ConstantClass
    {
        public static readonly StreamMode ON_DEMAND = new StreamMode("ON_DEMAND");

        public static readonly StreamMode PROVISIONED = new StreamMode("PROVISIONED");

        public StreamMode(string value)
            : base(value)
        {
        }

        public static StreamMode FindValue(string value) => throw null!;

        public static implicit operator StreamMode(string value) => throw null!;
    }

    public class StreamStatus : ConstantClass
    {
        public static readonly StreamStatus ACTIVE = new StreamStatus("ACTIVE");

        public static readonly StreamStatus CREATING = new StreamStatus("CREATING");

        public static readonly StreamStatus DELETING = new StreamStatus("DELETING");

        public static readonly StreamStatus UPDATING = new StreamStatus("UPDATING");

        public StreamStatus(string value)
            : base(value)
        {
        }

        public static StreamStatus FindValue(string value) => throw null!;

        public static implicit operator StreamStatus(string value) => throw null!;
    }
}

namespace Amazon.Kinesis.Model
{
    public partial class Record
    {
        public DateTime? ApproximateArrivalTimestamp { get; set; }

        public MemoryStream Data { get; set; }

        public EncryptionType EncryptionType { get; set; }

        public string PartitionKey { get; set; }

        public string SequenceNumber { get; set; }
    }

    public partial class PutRecordRequest : AmazonKinesisRequest
    {
        public MemoryStream Data { get; set; }

        public string ExplicitHashKey { get; set; }

        public string PartitionKey { get; set; }

        public string SequenceNumberForOrdering { get; set; }

        public string StreamARN { get; set; }

        public string StreamName { get; set; }
    }

    public partial class PutRecordResponse : AmazonWebServiceResponse
    {
        public EncryptionType EncryptionType { get; set; }

        public string SequenceNumber { get; set; }

        public string ShardId { get; set; }
    }

    public partial class PutRecordsRequest : AmazonKinesisRequest
    {
        public List<PutRecordsRequestEntry> Records { get; set; }

        public string StreamARN { get; set; }

        public string StreamName { get; set; }
    }

    public partial class PutRecordsRequestEntry
    {
        public MemoryStream Data { get; set; }

        public string ExplicitHashKey { get; set; }

        public string PartitionKey { get; set; }
    }

    public partial class PutRecordsResponse : AmazonWebServiceResponse
    {
        public EncryptionType EncryptionType { get; set; }

        public int? FailedRecordCount { get; set; }

        public List<PutRecordsResultEntry> Records { get; set; }
    }

    public partial class PutRecordsResultEntry
    {
        public string ErrorCode { get; set; }

        public string ErrorMessage { get; set; }

        public string SequenceNumber { get; set; }

        public string ShardId { get; set; }
    }

    public partial class CreateStreamRequest : AmazonKinesisRequest
    {
        public int? ShardCount { get; set; }

        public StreamModeDetails StreamModeDetails { get; set; }

        public string StreamName { get; set; }

        public Dictionary<string, string> Tags { get; set; }
    }

    public partial class CreateStreamResponse : AmazonWebServiceResponse
    {
    }

    public partial class ListStreamsRequest : AmazonKinesisRequest
    {
        public string ExclusiveStartStreamName { get; set; }

        public int? Limit { get; set; }

        public string NextToken { get; set; }
    }

    public partial class ListStreamsResponse : AmazonWebServiceResponse
    {
        public bool? HasMoreStreams { get; set; }

        public string NextToken { get; set; }

        public List<string> StreamNames { get; set; }

        public List<StreamSummary> StreamSummaries { get; set; }
    }

    public partial class StreamSummary
    {
        public string StreamARN { get; set; }

        public DateTime? StreamCreationTimestamp { get; set; }

        public StreamModeDetails StreamModeDetails { get; set; }

        public string StreamName { get; set; }

        public StreamStatus StreamStatus { get; set; }
    }

    public partial class StreamModeDetails
    {
        public StreamMode StreamMode { get; set; }
    }

    public partial class ProvisionedThroughputExceededException : AmazonKinesisException
    {
        public ProvisionedThroughputExceededException()
        {
        }

        public ProvisionedThroughputExceededException(string message)
            : base(message)
        {
        }

        public ProvisionedThroughputExceededException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public ProvisionedThroughputExceededException(Exception innerException)
            : base(innerException)
        {
        }

        public ProvisionedThroughputExceededException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public ProvisionedThroughputExceededException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class ResourceNotFoundException : AmazonKinesisException
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

    public partial class InvalidArgumentException : AmazonKinesisException
    {
        public InvalidArgumentException()
        {
        }

        public InvalidArgumentException(string message)
            : base(message)
        {
        }

        public InvalidArgumentException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public InvalidArgumentException(Exception innerException)
            : base(innerException)
        {
        }

        public InvalidArgumentException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public InvalidArgumentException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }
}
