// Mirrors NuGet package: AWSSDK.SecretsManager 4.x (AWS SDK for .NET v4, net8.0 build; the reference does not pin a version).
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
// The cached alternative (Amazon.SecretsManager.Extensions.Caching) is a separate package: AwsSdkSecretsManagerCaching.cs.
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
using Amazon.SecretsManager.Model;

namespace Amazon.SecretsManager
{
    public partial interface IAmazonSecretsManager : IAmazonService, IDisposable
    {
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => throw null!;

        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => throw null!;

        Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default);

        Task<DescribeSecretResponse> DescribeSecretAsync(DescribeSecretRequest request, CancellationToken cancellationToken = default);
    }

    public partial class AmazonSecretsManagerConfig : ClientConfig
    {
        public AmazonSecretsManagerConfig()
            : base(new Amazon.Runtime.Internal.DefaultConfigurationProvider(
                new IDefaultConfiguration[] { new DefaultConfiguration { Name = DefaultConfigurationMode.Standard } }))
        {
        }

        public override string RegionEndpointServiceName => "secretsmanager";

        public override string ServiceVersion => "2017-10-17";

        public override string UserAgent => "secretsmanager/stub";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => throw null!;
    }

    public partial class AmazonSecretsManagerClient : AmazonServiceClient, IAmazonSecretsManager
    {
        public AmazonSecretsManagerClient()
            : base(new AmazonSecretsManagerConfig())
        {
        }

        public AmazonSecretsManagerClient(RegionEndpoint region)
            : base(new AmazonSecretsManagerConfig { RegionEndpoint = region })
        {
        }

        public AmazonSecretsManagerClient(AmazonSecretsManagerConfig config)
            : base(config)
        {
        }

        public AmazonSecretsManagerClient(AWSCredentials credentials)
            : this(credentials, new AmazonSecretsManagerConfig())
        {
        }

        public AmazonSecretsManagerClient(AWSCredentials credentials, RegionEndpoint region)
            : this(credentials, new AmazonSecretsManagerConfig { RegionEndpoint = region })
        {
        }

        public AmazonSecretsManagerClient(AWSCredentials credentials, AmazonSecretsManagerConfig clientConfig)
            : base(credentials, clientConfig)
        {
        }

        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonSecretsManagerConfig())
        {
        }

        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, new AmazonSecretsManagerConfig { RegionEndpoint = region })
        {
        }

        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonSecretsManagerConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, clientConfig)
        {
        }

        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonSecretsManagerConfig())
        {
        }

        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
            : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonSecretsManagerConfig { RegionEndpoint = region })
        {
        }

        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonSecretsManagerConfig clientConfig)
            : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig)
        {
        }

        public virtual Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default) => throw null!;

        public virtual Task<DescribeSecretResponse> DescribeSecretAsync(DescribeSecretRequest request, CancellationToken cancellationToken = default) => throw null!;
    }

    public partial class AmazonSecretsManagerException : AmazonServiceException
    {
        public AmazonSecretsManagerException()
        {
        }

        public AmazonSecretsManagerException(string message)
            : base(message)
        {
        }

        public AmazonSecretsManagerException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public AmazonSecretsManagerException(Exception innerException)
            : base(innerException)
        {
        }

        public AmazonSecretsManagerException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public AmazonSecretsManagerException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class AmazonSecretsManagerRequest : AmazonWebServiceRequest
    {
    }
}

namespace Amazon.SecretsManager.Model
{
    public partial class GetSecretValueRequest : AmazonSecretsManagerRequest
    {
        public string SecretId { get; set; }

        public string VersionId { get; set; }

        public string VersionStage { get; set; }
    }

    public partial class GetSecretValueResponse : AmazonWebServiceResponse
    {
        public string ARN { get; set; }

        public DateTime? CreatedDate { get; set; }

        public string Name { get; set; }

        public MemoryStream SecretBinary { get; set; }

        public string SecretString { get; set; }

        public string VersionId { get; set; }

        public List<string> VersionStages { get; set; }
    }

    public partial class DescribeSecretRequest : AmazonSecretsManagerRequest
    {
        public string SecretId { get; set; }
    }

    public partial class DescribeSecretResponse : AmazonWebServiceResponse
    {
        public string ARN { get; set; }

        public string Name { get; set; }

        public string Description { get; set; }

        public bool? RotationEnabled { get; set; }

        public DateTime? LastChangedDate { get; set; }
    }

    public partial class ResourceNotFoundException : AmazonSecretsManagerException
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

    public partial class DecryptionFailureException : AmazonSecretsManagerException
    {
        public DecryptionFailureException()
        {
        }

        public DecryptionFailureException(string message)
            : base(message)
        {
        }

        public DecryptionFailureException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public DecryptionFailureException(Exception innerException)
            : base(innerException)
        {
        }

        public DecryptionFailureException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public DecryptionFailureException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class InternalServiceErrorException : AmazonSecretsManagerException
    {
        public InternalServiceErrorException()
        {
        }

        public InternalServiceErrorException(string message)
            : base(message)
        {
        }

        public InternalServiceErrorException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public InternalServiceErrorException(Exception innerException)
            : base(innerException)
        {
        }

        public InternalServiceErrorException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public InternalServiceErrorException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class InvalidParameterException : AmazonSecretsManagerException
    {
        public InvalidParameterException()
        {
        }

        public InvalidParameterException(string message)
            : base(message)
        {
        }

        public InvalidParameterException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public InvalidParameterException(Exception innerException)
            : base(innerException)
        {
        }

        public InvalidParameterException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public InvalidParameterException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }

    public partial class InvalidRequestException : AmazonSecretsManagerException
    {
        public InvalidRequestException()
        {
        }

        public InvalidRequestException(string message)
            : base(message)
        {
        }

        public InvalidRequestException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public InvalidRequestException(Exception innerException)
            : base(innerException)
        {
        }

        public InvalidRequestException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, errorType, errorCode, requestId, statusCode)
        {
        }

        public InvalidRequestException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
            : base(message, innerException, errorType, errorCode, requestId, statusCode)
        {
        }
    }
}
