// Mirrors NuGet package: Amazon.Lambda.ApplicationLoadBalancerEvents (release current in the reference listing,
// July 2026; the reference does not pin a version number).
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation.
// Checked against shared/reference/amazon-lambda-api.txt.
// Requires: none
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System.Collections.Generic;

namespace Amazon.Lambda.ApplicationLoadBalancerEvents
{
    public class ApplicationLoadBalancerRequest
    {
        public ALBRequestContext RequestContext { get; set; }

        public string Path { get; set; }

        public string HttpMethod { get; set; }

        public IDictionary<string, string> QueryStringParameters { get; set; }

        public IDictionary<string, IList<string>> MultiValueQueryStringParameters { get; set; }

        public IDictionary<string, string> Headers { get; set; }

        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        public string Body { get; set; }

        public bool IsBase64Encoded { get; set; }

        public class ALBRequestContext
        {
            public ElbInfo Elb { get; set; }
        }

        public class ElbInfo
        {
            public string TargetGroupArn { get; set; }
        }
    }

    public class ApplicationLoadBalancerResponse
    {
        public int StatusCode { get; set; }

        public string StatusDescription { get; set; }

        public IDictionary<string, string> Headers { get; set; }

        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        public string Body { get; set; }

        public bool IsBase64Encoded { get; set; }
    }
}
