// Mirrors NuGet package: Amazon.Lambda.SNSEvents 3.0.0.
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation.
// Checked against shared/reference/amazon-lambda-api.txt.
// Requires: none
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.Collections.Generic;

namespace Amazon.Lambda.SNSEvents
{
    public class SNSEvent
    {
        public IList<SNSRecord> Records { get; set; }

        public class SNSRecord
        {
            public string EventSource { get; set; }

            public string EventSubscriptionArn { get; set; }

            public string EventVersion { get; set; }

            public SNSMessage Sns { get; set; }
        }

        public class SNSMessage
        {
            public string Message { get; set; }

            public IDictionary<string, MessageAttribute> MessageAttributes { get; set; }

            public string MessageId { get; set; }

            public string Signature { get; set; }

            public string SignatureVersion { get; set; }

            public string SigningCertUrl { get; set; }

            public string Subject { get; set; }

            public DateTime Timestamp { get; set; }

            public string TopicArn { get; set; }

            public string Type { get; set; }

            public string UnsubscribeUrl { get; set; }
        }

        public class MessageAttribute
        {
            public string Type { get; set; }

            public string Value { get; set; }
        }
    }
}
