// Mirrors NuGet package: Amazon.Lambda.APIGatewayEvents 3.0.0.
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation.
// Checked against shared/reference/amazon-lambda-api.txt.
// Requires: none
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents
{
    // ---- REST API (payload format 1.0) ----

    public class APIGatewayProxyRequest
    {
        public string Resource { get; set; }

        public string Path { get; set; }

        public string HttpMethod { get; set; }

        public IDictionary<string, string> Headers { get; set; }

        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        public IDictionary<string, string> QueryStringParameters { get; set; }

        public IDictionary<string, IList<string>> MultiValueQueryStringParameters { get; set; }

        public IDictionary<string, string> PathParameters { get; set; }

        public IDictionary<string, string> StageVariables { get; set; }

        public ProxyRequestContext RequestContext { get; set; }

        public string Body { get; set; }

        public bool IsBase64Encoded { get; set; }

        public class ProxyRequestContext
        {
            public string Path { get; set; }

            public string AccountId { get; set; }

            public string ResourceId { get; set; }

            public string Stage { get; set; }

            public string RequestId { get; set; }

            public RequestIdentity Identity { get; set; }

            public string ResourcePath { get; set; }

            public string HttpMethod { get; set; }

            public string ApiId { get; set; }

            public string ExtendedRequestId { get; set; }

            public string ConnectionId { get; set; }

            public long ConnectedAt { get; set; }

            public string DomainName { get; set; }

            public string DomainPrefix { get; set; }

            public string EventType { get; set; }

            public string MessageId { get; set; }

            public string RouteKey { get; set; }

            public APIGatewayCustomAuthorizerContext Authorizer { get; set; }

            public string OperationName { get; set; }

            public string Error { get; set; }

            public string IntegrationLatency { get; set; }

            public string MessageDirection { get; set; }

            public string RequestTime { get; set; }

            public long RequestTimeEpoch { get; set; }

            public string Status { get; set; }
        }

        public class RequestIdentity
        {
            public string CognitoIdentityPoolId { get; set; }

            public string AccountId { get; set; }

            public string CognitoIdentityId { get; set; }

            public string Caller { get; set; }

            public string ApiKey { get; set; }

            public string ApiKeyId { get; set; }

            public string AccessKey { get; set; }

            public string SourceIp { get; set; }

            public string CognitoAuthenticationType { get; set; }

            public string CognitoAuthenticationProvider { get; set; }

            public string UserArn { get; set; }

            public string UserAgent { get; set; }

            public string User { get; set; }

            public ProxyRequestClientCert ClientCert { get; set; }
        }

        public class ProxyRequestClientCert
        {
            public string ClientCertPem { get; set; }

            public string SubjectDN { get; set; }

            public string IssuerDN { get; set; }

            public string SerialNumber { get; set; }

            public ClientCertValidity Validity { get; set; }
        }

        public class ClientCertValidity
        {
            public string NotBefore { get; set; }

            public string NotAfter { get; set; }
        }
    }

    public class APIGatewayProxyResponse
    {
        public int StatusCode { get; set; }

        public IDictionary<string, string> Headers { get; set; }

        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        public string Body { get; set; }

        public bool IsBase64Encoded { get; set; }
    }

    // ---- HTTP API (payload format 2.0) ----

    public class APIGatewayHttpApiV2ProxyRequest
    {
        public string Version { get; set; }

        public string RouteKey { get; set; }

        public string RawPath { get; set; }

        public string RawQueryString { get; set; }

        public string[] Cookies { get; set; }

        public IDictionary<string, string> Headers { get; set; }

        public IDictionary<string, string> QueryStringParameters { get; set; }

        public ProxyRequestContext RequestContext { get; set; }

        public string Body { get; set; }

        public IDictionary<string, string> PathParameters { get; set; }

        public bool IsBase64Encoded { get; set; }

        public IDictionary<string, string> StageVariables { get; set; }

        public class ProxyRequestContext
        {
            public string AccountId { get; set; }

            public string ApiId { get; set; }

            public AuthorizerDescription Authorizer { get; set; }

            public string DomainName { get; set; }

            public string DomainPrefix { get; set; }

            public HttpDescription Http { get; set; }

            public string RequestId { get; set; }

            public string RouteId { get; set; }

            public string RouteKey { get; set; }

            public string Stage { get; set; }

            public string Time { get; set; }

            public long TimeEpoch { get; set; }

            public ProxyRequestAuthentication Authentication { get; set; }
        }

        public class HttpDescription
        {
            public string Method { get; set; }

            public string Path { get; set; }

            public string Protocol { get; set; }

            public string SourceIp { get; set; }

            public string UserAgent { get; set; }
        }

        public class AuthorizerDescription
        {
            public JwtDescription Jwt { get; set; }

            public IDictionary<string, object> Lambda { get; set; }

            public IAMDescription IAM { get; set; }

            public class JwtDescription
            {
                public IDictionary<string, string> Claims { get; set; }

                public string[] Scopes { get; set; }
            }

            public class IAMDescription
            {
                public string AccessKey { get; set; }

                public string AccountId { get; set; }

                public string CallerId { get; set; }

                public CognitoIdentityDescription CognitoIdentity { get; set; }

                public string PrincipalOrgId { get; set; }

                public string UserARN { get; set; }

                public string UserId { get; set; }
            }

            public class CognitoIdentityDescription
            {
                public IList<string> AMR { get; set; }

                public string IdentityId { get; set; }

                public string IdentityPoolId { get; set; }
            }
        }

        public class ProxyRequestAuthentication
        {
            public ProxyRequestClientCert ClientCert { get; set; }
        }

        public class ProxyRequestClientCert
        {
            public string ClientCertPem { get; set; }

            public string SubjectDN { get; set; }

            public string IssuerDN { get; set; }

            public string SerialNumber { get; set; }

            public ClientCertValidity Validity { get; set; }
        }

        public class ClientCertValidity
        {
            public string NotBefore { get; set; }

            public string NotAfter { get; set; }
        }
    }

    public class APIGatewayHttpApiV2ProxyResponse
    {
        public int StatusCode { get; set; }

        public IDictionary<string, string> Headers { get; set; }

        public string[] Cookies { get; set; }

        public string Body { get; set; }

        public bool IsBase64Encoded { get; set; }

        public void SetHeaderValues(string headerName, string value, bool append) { }

        public void SetHeaderValues(string headerName, IEnumerable<string> values, bool append) { }
    }

    // ---- Custom (Lambda) authorizers ----

    public class APIGatewayCustomAuthorizerRequest
    {
        public string Type { get; set; }

        public string AuthorizationToken { get; set; }

        public string MethodArn { get; set; }

        public string Path { get; set; }

        public string HttpMethod { get; set; }

        public IDictionary<string, string> Headers { get; set; }

        public IDictionary<string, string> QueryStringParameters { get; set; }

        public IDictionary<string, string> PathParameters { get; set; }

        public IDictionary<string, string> StageVariables { get; set; }

        public APIGatewayProxyRequest.ProxyRequestContext RequestContext { get; set; }
    }

    public class APIGatewayCustomAuthorizerResponse
    {
        public string PrincipalID { get; set; }

        public APIGatewayCustomAuthorizerPolicy PolicyDocument { get; set; }

        public APIGatewayCustomAuthorizerContextOutput Context { get; set; }

        public string UsageIdentifierKey { get; set; }
    }

    public class APIGatewayCustomAuthorizerPolicy
    {
        public string Version { get; set; }

        public List<IAMPolicyStatement> Statement { get; set; }

        public class IAMPolicyStatement
        {
            public string Effect { get; set; }

            public HashSet<string> Action { get; set; }

            public HashSet<string> Resource { get; set; }

            public HashSet<string> NotResource { get; set; }

            public IDictionary<string, IDictionary<string, object>> Condition { get; set; }
        }
    }

    public class APIGatewayCustomAuthorizerContext : Dictionary<string, object>
    {
        public Dictionary<string, string> Claims { get; set; }

        public string PrincipalId { get; set; }

        public string StringKey { get; set; }

        public int? NumKey { get; set; }

        public bool? BoolKey { get; set; }
    }

    public class APIGatewayCustomAuthorizerContextOutput : Dictionary<string, object>
    {
        public string StringKey { get; set; }

        public int? NumKey { get; set; }

        public bool? BoolKey { get; set; }
    }

    public class APIGatewayCustomAuthorizerV2Request
    {
        public string Type { get; set; }

        public string RouteArn { get; set; }

        public List<string> IdentitySource { get; set; }

        public string RouteKey { get; set; }

        public string RawPath { get; set; }

        public string RawQueryString { get; set; }

        public List<string> Cookies { get; set; }

        public Dictionary<string, string> Headers { get; set; }

        public Dictionary<string, string> QueryStringParameters { get; set; }

        public APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext RequestContext { get; set; }

        public Dictionary<string, string> PathParameters { get; set; }

        public Dictionary<string, string> StageVariables { get; set; }
    }

    public class APIGatewayCustomAuthorizerV2SimpleResponse
    {
        public bool IsAuthorized { get; set; }

        public Dictionary<string, object> Context { get; set; }
    }

    public class APIGatewayCustomAuthorizerV2IamResponse
    {
        public string PrincipalID { get; set; }

        public APIGatewayCustomAuthorizerPolicy PolicyDocument { get; set; }

        public Dictionary<string, object> Context { get; set; }
    }
}
